package org.communitydesk.directory;

import org.communitydesk.common.IdentityEntity;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Optional;

/** A kind of problem, with its default priority and SLA targets per priority. */
@Entity
@Cacheable
@Table(name = "service_category")
public class ServiceCategory extends IdentityEntity {

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    /** The group it is listed under for the public (Open311 "group"), such as 排水 / drainage; may be null. */
    @Column(name = "group_zh")
    public String groupZh;

    @Column(name = "group_en")
    public String groupEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_priority", nullable = false)
    public Priority defaultPriority;

    @Column(name = "dispatch_hours_urgent", nullable = false)
    public int dispatchHoursUrgent;
    @Column(name = "dispatch_hours_normal", nullable = false)
    public int dispatchHoursNormal;
    @Column(name = "dispatch_hours_low", nullable = false)
    public int dispatchHoursLow;
    @Column(name = "resolve_hours_urgent", nullable = false)
    public int resolveHoursUrgent;
    @Column(name = "resolve_hours_normal", nullable = false)
    public int resolveHoursNormal;
    @Column(name = "resolve_hours_low", nullable = false)
    public int resolveHoursLow;

    /**
     * Minutes from a dispatch by which each organization should accept its order (签收); counted in plain hours
     * for now (ticket.TicketService#acceptanceDueAt).
     */
    @Column(name = "acceptance_target_minutes", nullable = false)
    public int acceptanceTargetMinutes;

    public static Optional<ServiceCategory> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public SlaTarget slaFor(Priority priority) {
        return switch (priority) {
            case URGENT -> new SlaTarget(dispatchHoursUrgent, resolveHoursUrgent);
            case NORMAL -> new SlaTarget(dispatchHoursNormal, resolveHoursNormal);
            case LOW -> new SlaTarget(dispatchHoursLow, resolveHoursLow);
        };
    }
}
