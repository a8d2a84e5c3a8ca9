package org.communitydesk.ticket;

import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of {@code GET /api/tickets}, taken as text and checked by {@link TicketSearch}
 * so that a bad value answers 400 naming the parameter (JAX-RS would answer 404).
 */
public class TicketQuery {

    @QueryParam("status")
    @Parameter(description = "One or more statuses (repeat the parameter or separate with commas).",
            schema = @Schema(type = SchemaType.ARRAY, implementation = TicketStatus.class))
    public List<String> status;

    @QueryParam("category")
    @Parameter(description = "Category code")
    public String category;

    @QueryParam("streetOffice")
    @Parameter(description = "Street-office code")
    public String streetOffice;

    @QueryParam("community")
    @Parameter(description = "Community code")
    public String community;

    @QueryParam("site")
    @Parameter(description = "Residential compound (site) code")
    public String site;

    @QueryParam("organization")
    @Parameter(description = "Code of an organization currently assigned")
    public String organization;

    @QueryParam("overdue")
    @Parameter(description = "true: open tickets past their due time; false: all others",
            schema = @Schema(type = SchemaType.BOOLEAN))
    public String overdue;

    @QueryParam("atRisk")
    @Parameter(description = "true: open tickets past 80% of their time to resolve and not yet overdue (at risk); "
            + "false: all others", schema = @Schema(type = SchemaType.BOOLEAN))
    public String atRisk;

    @QueryParam("returned")
    @Parameter(description = "true: tickets returned (退单) by their lead organization and waiting to be dispatched "
            + "again; false: all others", schema = @Schema(type = SchemaType.BOOLEAN))
    public String returned;

    @QueryParam("needsMe")
    @Parameter(description = "true: what waits for the caller (需要我处理): for a contractor, the open orders its "
            + "organization has yet to accept; for the offices, returned tickets waiting to be dispatched again. "
            + "Within the caller's scope, as every filter.", schema = @Schema(type = SchemaType.BOOLEAN))
    public String needsMe;

    @QueryParam("paused")
    @Parameter(description = "true: tickets whose clock is paused (挂起); false: all others",
            schema = @Schema(type = SchemaType.BOOLEAN))
    public String paused;

    @QueryParam("reportedFrom")
    @Parameter(description = "Reported at or after: an instant (2026-11-01T00:00:00Z) or a local date (2026-11-01)",
            schema = @Schema(type = SchemaType.STRING))
    public String reportedFrom;

    @QueryParam("reportedTo")
    @Parameter(description = "Reported before: an instant, or a local date (inclusive)",
            schema = @Schema(type = SchemaType.STRING))
    public String reportedTo;

    @QueryParam("q")
    @Parameter(description = "Text in the description or address detail, or a tracking code. A text search counts "
            + "its matches up to 1000 only: a `total` of 1001 means more than 1000 (narrow the search, or page on).")
    public String q;

    @QueryParam("page")
    @Parameter(description = "Zero-based page number", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Page size, at most 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
    public String size;

    @QueryParam("sort")
    @Parameter(description = "reportedAt, dueAt or status (grouped by status, soonest due first in each); a leading '-' sorts newest first",
            schema = @Schema(enumeration = { "reportedAt", "-reportedAt", "dueAt", "-dueAt", "status", "-status" }, defaultValue = "-reportedAt"))
    public String sort;

    private static final List<Field> PARAMETERS = Arrays.stream(TicketQuery.class.getDeclaredFields())
            .filter(field -> field.isAnnotationPresent(QueryParam.class)).toList();

    /** Every parameter's value as given, in one list: equal lists ask for the same page (any parameter added later too). */
    List<Object> values() {
        Object[] values = new Object[PARAMETERS.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = PARAMETERS.get(i).get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("A query parameter field cannot be read", e);
            }
        }
        return Arrays.asList(values);
    }
}
