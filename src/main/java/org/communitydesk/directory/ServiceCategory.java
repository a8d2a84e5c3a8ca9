package org.communitydesk.directory;

import org.communitydesk.common.IdentityEntity;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;
import org.communitydesk.calendar.TargetUnit;
import org.communitydesk.calendar.TimeTarget;

/**
 * A kind of problem, with its default priority and SLA targets per priority. Each target is an amount (the
 * *_hours_* columns, named from before units) in its unit (HOURS unless a migration says otherwise).
 * Categories change only with a migration, so the second-level cache holds them on every instance.
 */
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

    @Enumerated(EnumType.STRING)
    @Column(name = "dispatch_unit_urgent", nullable = false)
    public TargetUnit dispatchUnitUrgent = TargetUnit.HOURS;
    @Enumerated(EnumType.STRING)
    @Column(name = "dispatch_unit_normal", nullable = false)
    public TargetUnit dispatchUnitNormal = TargetUnit.HOURS;
    @Enumerated(EnumType.STRING)
    @Column(name = "dispatch_unit_low", nullable = false)
    public TargetUnit dispatchUnitLow = TargetUnit.HOURS;
    @Enumerated(EnumType.STRING)
    @Column(name = "resolve_unit_urgent", nullable = false)
    public TargetUnit resolveUnitUrgent = TargetUnit.HOURS;
    @Enumerated(EnumType.STRING)
    @Column(name = "resolve_unit_normal", nullable = false)
    public TargetUnit resolveUnitNormal = TargetUnit.HOURS;
    @Enumerated(EnumType.STRING)
    @Column(name = "resolve_unit_low", nullable = false)
    public TargetUnit resolveUnitLow = TargetUnit.HOURS;
    /**
     * Minutes from a dispatch by which each organization should accept its order (签收), counted in
     * {@link #acceptanceTargetUnit} (ticket.TicketService#acceptanceDueAt).
     */
    @Column(name = "acceptance_target_minutes", nullable = false)
    public int acceptanceTargetMinutes;
    /**
     * WORKING_HOURS: the minutes are working time of the calendar (the default, V32); HOURS: wall-clock minutes, for
     * urgent trouble accepted at any hour. Never WORKING_DAYS (a check constraint says so).
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "acceptance_target_unit", nullable = false)
    public TargetUnit acceptanceTargetUnit = TargetUnit.WORKING_HOURS;

    /**
     * From the query cache after the first time: these rows change only with a migration, so a cached answer never
     * goes stale on another instance (two statements of every intake before).
     */
    public static Optional<ServiceCategory> findByCode(String code) {
        return find("code", code).withHint(HibernateHints.HINT_CACHEABLE, true).firstResultOptional();
    }

    public SlaTarget slaFor(Priority priority) {
        return switch (priority) {
            case URGENT -> new SlaTarget(new TimeTarget(dispatchHoursUrgent, dispatchUnitUrgent),
                    new TimeTarget(resolveHoursUrgent, resolveUnitUrgent));
            case NORMAL -> new SlaTarget(new TimeTarget(dispatchHoursNormal, dispatchUnitNormal),
                    new TimeTarget(resolveHoursNormal, resolveUnitNormal));
            case LOW -> new SlaTarget(new TimeTarget(dispatchHoursLow, dispatchUnitLow),
                    new TimeTarget(resolveHoursLow, resolveUnitLow));
        };
    }
}
