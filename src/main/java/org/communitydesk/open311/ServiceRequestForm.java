package org.communitydesk.open311;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST requests (application/x-www-form-urlencoded), as GeoReport v2 names its fields.
 * Taken as text and checked by {@link GeoReportService}, so that a bad value answers 400 in the
 * spec's error format. Read from the whole form ({@link #of}), because attribute names
 * ({@code attribute[code]=value}, {@code attribute[code][]=value} for a multivaluelist) are not known in
 * advance. Holds personal data: never log it.
 */
@Schema(name = "Open311ServiceRequestForm")
public class ServiceRequestForm {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\[\\]]+)\\](\\[\\])?");

    @Schema(name = "api_key", description = "The key issued to your application.", required = true)
    public String apiKey;

    @Schema(name = "jurisdiction_id", description = "Ignored: this endpoint serves one jurisdiction.")
    public String jurisdictionId;

    @Schema(name = "service_code", description = "From services.json.", required = true, examples = "sewer-blockage")
    public String serviceCode;

    @Schema(name = "lat", implementation = Double.class, description = "Latitude in degrees, WGS-84 unless coord_type says "
            + "otherwise; with long. One of lat/long, address_string or address_id is required.", examples = "40.0912")
    public String latitude;

    @Schema(name = "long", implementation = Double.class, description = "Longitude in degrees, WGS-84 unless coord_type "
            + "says otherwise; with lat.", examples = "113.3288")
    public String longitude;

    @Schema(name = "coord_type", enumeration = { "wgs84", "gcj02", "bd09" }, defaultValue = "wgs84",
            description = "Extension: the datum of lat/long. GeoReport v2 says WGS-84, as GPS and Tianditu give; send gcj02 "
                    + "for AMap, Tencent or WeChat positions and bd09 for Baidu's. They are converted to WGS-84 before the "
                    + "compound is looked up and stored; at Datong a GCJ-02 position taken as WGS-84 would lie about 610 m off.")
    public String coordType;

    @Schema(name = "address_string", description = "Where, in words; must name one of our compounds or communities.", examples = "宏安小区2号楼")
    public String addressString;

    @Schema(name = "address_id", description = "The code of a compound or community (see /api/sites and /api/areas).", examples = "hongan")
    public String addressId;

    @Schema(name = "email", description = "Accepted and not stored.")
    public String email;

    @Schema(name = "device_id", description = "Accepted and not stored.")
    public String deviceId;

    @Schema(name = "account_id", description = "Accepted and not stored.")
    public String accountId;

    @Schema(name = "first_name", description = "Given name of the resident; shown to staff only.")
    public String firstName;

    @Schema(name = "last_name", description = "Family name of the resident; shown to staff only.")
    public String lastName;

    @Schema(name = "phone", description = "Phone of the resident, for a call back; shown to staff only.")
    public String phone;

    @Schema(name = "description", description = "What is wrong, up to 4000 characters.", examples = "2号楼污水管道外溢")
    public String description;

    @Schema(name = "media_url", description = "A photo or other media (http or https); appended to the description.")
    public String mediaUrl;

    @Schema(name = "attribute[code]", description = "Answers to the service's attributes (see services/{service_code}.json): "
            + "attribute[code]=value, repeated as attribute[code][]=value for a multivaluelist.")
    public Map<String, List<String>> attributes = new LinkedHashMap<>();

    /** The form's fields, each by its first value; attributes with all their values. */
    static ServiceRequestForm of(MultivaluedMap<String, String> fields) {
        ServiceRequestForm form = new ServiceRequestForm();
        form.apiKey = fields.getFirst("api_key");
        form.jurisdictionId = fields.getFirst("jurisdiction_id");
        form.serviceCode = fields.getFirst("service_code");
        form.latitude = fields.getFirst("lat");
        form.longitude = fields.getFirst("long");
        form.coordType = fields.getFirst("coord_type");
        form.addressString = fields.getFirst("address_string");
        form.addressId = fields.getFirst("address_id");
        form.email = fields.getFirst("email");
        form.deviceId = fields.getFirst("device_id");
        form.accountId = fields.getFirst("account_id");
        form.firstName = fields.getFirst("first_name");
        form.lastName = fields.getFirst("last_name");
        form.phone = fields.getFirst("phone");
        form.description = fields.getFirst("description");
        form.mediaUrl = fields.getFirst("media_url");
        fields.forEach((name, values) -> {
            Matcher attribute = ATTRIBUTE.matcher(name);
            if (attribute.matches() && values != null) {
                form.attributes.computeIfAbsent(attribute.group(1).strip(), code -> new java.util.ArrayList<>())
                        .addAll(values);
            }
        });
        return form;
    }

    @Override
    public String toString() {
        return "ServiceRequestForm[redacted]";
    }
}
