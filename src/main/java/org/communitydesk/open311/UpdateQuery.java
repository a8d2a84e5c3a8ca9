package org.communitydesk.open311;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The arguments of GET servicerequestupdates, taken as text and checked by {@link RequestSearch}. */
public class UpdateQuery {

    @QueryParam("start_date")
    @Parameter(description = "Updates at or after this W3C date-time (whole seconds). The range may span at most "
            + "90 days; without dates it is the last 90 days.",
            schema = @Schema(type = SchemaType.STRING, examples = "2026-11-29T00:00:00+08:00"))
    public String startDate;

    @QueryParam("end_date")
    @Parameter(description = "Updates at or before this W3C date-time (whole seconds, inclusive).",
            schema = @Schema(type = SchemaType.STRING, examples = "2026-11-29T01:00:00+08:00"))
    public String endDate;

    @QueryParam("page")
    @Parameter(description = "Page number, from 1.", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1"))
    public String page;

    @QueryParam("page_size")
    @Parameter(description = "Updates per page, at most 1000.",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1000"))
    public String pageSize;
}
