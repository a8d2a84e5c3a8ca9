package org.communitydesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.communitydesk.common.Roles;
import org.communitydesk.directory.Area;
import org.communitydesk.directory.AreaLevel;
import org.communitydesk.directory.Organization;
import org.communitydesk.directory.OrganizationKind;
import org.communitydesk.directory.Priority;
import org.communitydesk.directory.ServiceCategory;
import org.communitydesk.ticket.Ticket.AssignmentOrder;

/** Tickets and callers as plain objects, without Quarkus or a database: for tests of the aggregate and its tables. */
final class PlainTickets {

    static final Instant REPORTED_AT = Instant.parse("2026-11-30T01:10:00Z");
    static final Organization TONGDA = organization(1L, "tongda-dredging", "通达管道专业清掏队", "Tongda Pipe Dredging Team");
    static final Organization SANITATION = organization(2L, "pingcheng-sanitation", "平城区环卫服务中心",
            "Pingcheng Sanitation Service Centre");
    static final Actor STAFF = new Actor("beixinyuan.staff", Roles.STAFF);
    static final Actor CREW = new Actor("tongda.crew", Roles.CONTRACTOR);

    private PlainTickets() {
    }

    /** A sewer blockage at 北馨园社区, reported at {@link #REPORTED_AT}, code CD-2026-000001. */
    static Ticket reported() {
        Area office = new Area();
        office.id = 10L;
        office.code = "yingbin";
        office.level = AreaLevel.STREET_OFFICE;
        Area community = new Area();
        community.id = 11L;
        community.code = "beixinyuan";
        community.level = AreaLevel.COMMUNITY;
        community.parent = office;
        ServiceCategory category = new ServiceCategory();
        category.code = "sewer-blockage";
        category.defaultPriority = Priority.NORMAL;
        category.dispatchHoursNormal = 4;
        category.resolveHoursNormal = 48;
        category.acceptanceTargetMinutes = 60;
        category.acceptanceTargetUnit = org.communitydesk.calendar.TargetUnit.HOURS;
        var intake = new Ticket.Intake(category, null, Channel.PHONE, "2号楼污水管道外溢", new Reporter("王女士", null),
                community, null, "2号楼", null, null);
        // Wall-clock targets only: the category's units are all HOURS, so no calendar is needed.
        return Ticket.report("CD-2026-000001", intake, STAFF, REPORTED_AT,
                (start, target) -> start.plus(java.time.Duration.ofHours(target.amount())));
    }

    /** {@link #reported()}, dispatched 10 minutes later to tongda (LEAD) and the sanitation centre (SUPPORT). */
    static Ticket dispatched() {
        Ticket ticket = reported();
        Instant at = REPORTED_AT.plusSeconds(600);
        ticket.dispatch(List.of(new AssignmentOrder(TONGDA, AssignmentRole.LEAD),
                new AssignmentOrder(SANITATION, AssignmentRole.SUPPORT)), STAFF, at, at.plusSeconds(3600));
        return ticket;
    }

    static Caller caller(String role, TicketScope scope) {
        return new Caller(new Actor("someone", role), Set.of(role), scope);
    }

    static Caller crewOf(Organization organization) {
        return caller(Roles.CONTRACTOR, TicketScope.organization(organization.id));
    }

    private static Organization organization(long id, String code, String nameZh, String nameEn) {
        Organization organization = new Organization();
        organization.id = id;
        organization.code = code;
        organization.nameZh = nameZh;
        organization.nameEn = nameEn;
        organization.kind = OrganizationKind.CONTRACTOR;
        return organization;
    }
}
