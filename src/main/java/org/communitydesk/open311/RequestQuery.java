package org.communitydesk.open311;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The arguments of GET requests, taken as text and checked by {@link RequestSearch}, so that a bad
 * value answers 400 in the spec's error format naming the argument.
 */
public class RequestQuery {

    @QueryParam("service_request_id")
    @Parameter(description = "Tracking codes, comma separated (at most 1000); overrides every other argument.",
            schema = @Schema(type = SchemaType.STRING, examples = "CD-2026-000011,CD-2026-000012"))
    public List<String> serviceRequestId;

    @QueryParam("service_code")
    @Parameter(description = "Service codes, comma separated or repeated.",
            schema = @Schema(type = SchemaType.STRING, examples = "sewer-blockage"))
    public List<String> serviceCode;

    @QueryParam("start_date")
    @Parameter(description = "Requested at or after this W3C date-time (with its time zone). The range may span "
            + "at most 90 days; without dates it is the last 90 days.",
            schema = @Schema(type = SchemaType.STRING, examples = "2026-11-01T00:00:00+08:00"))
    public String startDate;

    @QueryParam("end_date")
    @Parameter(description = "Requested at or before this W3C date-time (with its time zone).",
            schema = @Schema(type = SchemaType.STRING, examples = "2026-11-29T00:00:00+08:00"))
    public String endDate;

    @QueryParam("status")
    @Parameter(description = "open or closed, comma separated or repeated; both by default.",
            schema = @Schema(type = SchemaType.STRING, examples = "open"))
    public List<String> status;

    @QueryParam("page")
    @Parameter(description = "Page number, from 1 (GeoReport pagination extension).",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1"))
    public String page;

    @QueryParam("page_size")
    @Parameter(description = "Requests per page, at most 1000 (GeoReport pagination extension).",
            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1000"))
    public String pageSize;

    @QueryParam("extensions")
    @Parameter(description = "true adds extended_attributes and notes (the public events) to each request, as the "
            + "GeoReport v2 extensions \"Extended Attributes\" and \"Update History\" describe.",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String extensions;
}
