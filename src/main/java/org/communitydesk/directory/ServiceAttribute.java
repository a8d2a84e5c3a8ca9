package org.communitydesk.directory;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.communitydesk.common.IdentityEntity;

/**
 * A further question a service asks when it is reported (an Open311 GeoReport v2 attribute), such as
 * which building a sewer problem is at. Reference data: changed only by migrations.
 */
@Entity
@Cacheable
@Table(name = "service_attribute")
public class ServiceAttribute extends IdentityEntity {

    /** The longest answer kept (a text answer; list answers are keys). */
    public static final int MAX_ANSWER = 500;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public ServiceCategory category;

    @Column(nullable = false)
    public String code;

    /** GeoReport v2 datatype: string, number, datetime, text, singlevaluelist or multivaluelist. */
    @Column(nullable = false)
    public String datatype;

    @Column(nullable = false)
    public boolean required;

    /** GeoReport's "order": 1 is asked first. */
    @Column(nullable = false)
    public int position;

    @Column(name = "description_zh", nullable = false)
    public String descriptionZh;

    @Column(name = "description_en", nullable = false)
    public String descriptionEn;

    @Column(name = "datatype_description")
    public String datatypeDescription;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "service_attribute_value", joinColumns = @JoinColumn(name = "attribute_id"))
    @OrderBy("position")
    public List<AllowedValue> values = new ArrayList<>();

    /** One choice of a list attribute. */
    @Embeddable
    public static class AllowedValue {
        @Column(name = "value_key", nullable = false)
        public String key;

        @Column(name = "name_zh", nullable = false)
        public String nameZh;

        @Column(name = "name_en", nullable = false)
        public String nameEn;

        @Column(nullable = false)
        public int position;
    }

    /** The questions of a service, in the order they are asked. */
    public static List<ServiceAttribute> of(ServiceCategory category) {
        return list("category = ?1 order by position", category);
    }

    public boolean isList() {
        return datatype.endsWith("valuelist");
    }

    public Optional<AllowedValue> value(String key) {
        return values.stream().filter(v -> v.key.equals(key)).findFirst();
    }

    /**
     * What is wrong with the answers given (blank ones already left out), or empty when they may be kept:
     * a required question must be answered, a list answer must be one of its keys (one only for a
     * singlevaluelist), a number a number and a datetime a W3C date-time with its offset.
     */
    public Optional<String> problemWith(List<String> answers) {
        if (answers.isEmpty()) {
            return required ? Optional.of("is required: " + descriptionEn) : Optional.empty();
        }
        if (!datatype.equals("multivaluelist") && answers.size() > 1) {
            return Optional.of("takes one value");
        }
        for (String answer : answers) {
            if (answer.length() > MAX_ANSWER) {
                return Optional.of("must be at most " + MAX_ANSWER + " characters");
            }
            if (isList() && value(answer).isEmpty()) {
                return Optional.of("must be one of " + String.join(", ", values.stream().map(v -> v.key).toList())
                        + ", not '" + answer + "'");
            }
            if (datatype.equals("number") && !isNumber(answer)) {
                return Optional.of("must be a number");
            }
            if (datatype.equals("datetime") && !isDateTime(answer)) {
                return Optional.of("must be a date-time with its offset, such as 2026-11-29T14:05:09+08:00");
            }
            if (datatype.equals("string") && answer.contains("\n")) {
                return Optional.of("must be one line");
            }
        }
        return Optional.empty();
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
