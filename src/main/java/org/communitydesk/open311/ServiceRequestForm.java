package org.communitydesk.open311;

import jakarta.ws.rs.FormParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST requests (application/x-www-form-urlencoded), as GeoReport v2 names its fields.
 * Taken as text and checked by {@link GeoReportService}, so that a bad value answers 400 in the
 * spec's error format. Attributes (attribute[code]=value) are ignored: no service asks for any.
 * Holds personal data: never log it.
 */
public class ServiceRequestForm {

    @FormParam("api_key")
    @Schema(description = "The key issued to your application.", required = true)
    public String apiKey;

    @FormParam("jurisdiction_id")
    @Schema(description = "Ignored: this endpoint serves one jurisdiction.")
    public String jurisdictionId;

    @FormParam("service_code")
    @Schema(description = "From services.json.", required = true, examples = "sewer-blockage")
    public String serviceCode;

    @FormParam("lat")
    @Schema(implementation = Double.class, description = "WGS84 latitude; with long. One of lat/long, address_string or "
            + "address_id is required.", examples = "40.0912")
    public String latitude;

    @FormParam("long")
    @Schema(implementation = Double.class, description = "WGS84 longitude; with lat.", examples = "113.3288")
    public String longitude;

    @FormParam("address_string")
    @Schema(description = "Where, in words; must name one of our compounds or communities.", examples = "宏安小区2号楼")
    public String addressString;

    @FormParam("address_id")
    @Schema(description = "The code of a compound or community (see /api/sites and /api/areas).", examples = "hongan")
    public String addressId;

    @FormParam("email")
    @Schema(description = "Accepted and not stored.")
    public String email;

    @FormParam("device_id")
    @Schema(description = "Accepted and not stored.")
    public String deviceId;

    @FormParam("account_id")
    @Schema(description = "Accepted and not stored.")
    public String accountId;

    @FormParam("first_name")
    @Schema(description = "Given name of the resident; shown to staff only.")
    public String firstName;

    @FormParam("last_name")
    @Schema(description = "Family name of the resident; shown to staff only.")
    public String lastName;

    @FormParam("phone")
    @Schema(description = "Phone of the resident, for a call back; shown to staff only.")
    public String phone;

    @FormParam("description")
    @Schema(description = "What is wrong, up to 4000 characters.", examples = "2号楼污水管道外溢")
    public String description;

    @FormParam("media_url")
    @Schema(description = "A photo or other media (http or https); appended to the description.")
    public String mediaUrl;

    @Override
    public String toString() {
        return "ServiceRequestForm[redacted]";
    }
}
