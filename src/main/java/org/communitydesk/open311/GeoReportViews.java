package org.communitydesk.open311;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Response bodies of Open311 GeoReport v2, with the spec's member names. JSON writes the records
 * (lists as arrays); XML writes the same records inside the spec's root elements, such as
 * {@code <service_requests><request>…</request></service_requests>}.
 */
public final class GeoReportViews {

    private GeoReportViews() {
    }

    @Schema(name = "Open311Discovery", description = "Service discovery: who runs the endpoint and what it speaks.")
    @JacksonXmlRootElement(localName = "discovery")
    @JsonPropertyOrder({ "changeset", "contact", "key_service", "endpoints" })
    public record Discovery(
            @Schema(description = "When the service list last changed (W3C date-time).") String changeset,
            String contact,
            @JsonProperty("key_service") String keyService,
            @JacksonXmlElementWrapper(localName = "endpoints") @JacksonXmlProperty(localName = "endpoint")
            List<Endpoint> endpoints) {
    }

    @Schema(name = "Open311Endpoint")
    @JsonPropertyOrder({ "specification", "url", "changeset", "type", "formats" })
    public record Endpoint(
            @Schema(examples = "http://wiki.open311.org/GeoReport_v2") String specification,
            String url,
            String changeset,
            @Schema(enumeration = { "production", "test" }) String type,
            @JacksonXmlElementWrapper(localName = "formats") @JacksonXmlProperty(localName = "format")
            List<String> formats) {
    }

    @Schema(name = "Open311Service", description = "A service (our category) that can be requested.")
    @JsonPropertyOrder({ "service_code", "service_name", "description", "metadata", "type", "keywords", "group" })
    public record Service(
            @JsonProperty("service_code") @Schema(examples = "sewer-blockage") String serviceCode,
            @JsonProperty("service_name") @Schema(examples = "下水堵塞") String serviceName,
            @Schema(description = "The English name.", examples = "Sewer blockage") String description,
            @Schema(description = "True when the service asks further questions: read its definition "
                    + "(services/{service_code}.json) and send them as attribute[code]=value.") boolean metadata,
            @Schema(enumeration = { "realtime", "batch", "blackbox" }, examples = "realtime") String type,
            @Schema(examples = "下水堵塞, Sewer blockage, 排水, drainage") String keywords,
            @Schema(examples = "排水") String group) {
    }

    @JacksonXmlRootElement(localName = "services")
    record ServicesXml(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "service")
            List<Service> services) {
    }

    @Schema(name = "Open311ServiceDefinition")
    @JacksonXmlRootElement(localName = "service_definition")
    @JsonPropertyOrder({ "service_code", "attributes" })
    public record ServiceDefinition(
            @JsonProperty("service_code") String serviceCode,
            @Schema(description = "The further questions, in the order they are asked; empty when there are none.")
            @JacksonXmlElementWrapper(localName = "attributes") @JacksonXmlProperty(localName = "attribute")
            List<Attribute> attributes) {
    }

    @Schema(name = "Open311Attribute", description = "A further question of a service.")
    @JsonPropertyOrder({ "variable", "code", "datatype", "required", "datatype_description", "order", "description",
            "values" })
    public record Attribute(
            @Schema(description = "Always true: every attribute asks for an answer.") boolean variable,
            @Schema(examples = "sewage_in_homes") String code,
            @Schema(enumeration = { "string", "number", "datetime", "text", "singlevaluelist", "multivaluelist" })
            String datatype,
            boolean required,
            @JsonProperty("datatype_description") String datatypeDescription,
            @Schema(description = "1 is asked first.") int order,
            @Schema(description = "The question, in Chinese then English.",
                    examples = "污水是否已进入居民家中？ Is sewage getting into homes?") String description,
            @Schema(description = "The choices of a singlevaluelist or multivaluelist; empty otherwise.")
            @JacksonXmlElementWrapper(localName = "values") @JacksonXmlProperty(localName = "value")
            List<AttributeValue> values) {
    }

    @Schema(name = "Open311AttributeValue")
    @JsonPropertyOrder({ "key", "name" })
    public record AttributeValue(@Schema(examples = "yes") String key, @Schema(examples = "是 / Yes") String name) {
    }

    @Schema(name = "Open311Request", description = "A service request (our ticket), without any personal data.")
    @JsonPropertyOrder({ "service_request_id", "status", "status_notes", "service_name", "service_code",
            "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
            "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url" })
    public record ServiceRequest(
            @JsonProperty("service_request_id") @Schema(description = "The tracking code.", examples = "CD-2026-000123")
            String serviceRequestId,
            @Schema(enumeration = { "open", "closed" }) String status,
            @JsonProperty("status_notes") @Schema(description = "The latest note staff made public; "
                    + "callers' names, phone numbers and long numbers masked.") String statusNotes,
            @JsonProperty("service_name") String serviceName,
            @JsonProperty("service_code") String serviceCode,
            @Schema(description = "Callers' names, phone numbers and long numbers masked.") String description,
            @JsonProperty("agency_responsible") @Schema(description = "The organization leading the work.")
            String agencyResponsible,
            @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("requested_datetime") String requestedDatetime,
            @JsonProperty("updated_datetime") String updatedDatetime,
            @JsonProperty("expected_datetime") @Schema(description = "When it should be resolved by, from the service level.")
            String expectedDatetime,
            @Schema(description = "Compound and community, never the building or flat.", examples = "宏安小区, 北馨园社区")
            String address,
            @JsonProperty("address_id") @Schema(description = "The compound's or community's code.") String addressId,
            String zipcode,
            @Schema(description = "Centre of the compound or community (WGS-84), not the ticket's own position.") Double lat,
            @JsonProperty("long") @Schema(description = "Centre of the compound or community (WGS-84).") Double longitude,
            @JsonProperty("media_url") String mediaUrl,
            @JsonProperty("extended_attributes") @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "With extensions=true only (GeoReport v2 extension \"Extended Attributes\").")
            ExtendedAttributes extendedAttributes,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "With extensions=true only (GeoReport v2 extension \"Update History\"): the public "
                    + "events, oldest first.")
            @JacksonXmlElementWrapper(localName = "notes") @JacksonXmlProperty(localName = "note")
            List<Note> notes) {

        ServiceRequest withExtensions(ExtendedAttributes extended, List<Note> history) {
            return new ServiceRequest(serviceRequestId, status, statusNotes, serviceName, serviceCode, description,
                    agencyResponsible, serviceNotice, requestedDatetime, updatedDatetime, expectedDatetime, address,
                    addressId, zipcode, lat, longitude, mediaUrl, extended, history);
        }
    }

    @Schema(name = "Open311ExtendedAttributes", description = "What else we publish about a request; nothing personal.")
    @JsonPropertyOrder({ "channel", "priority", "group", "report_count", "attributes" })
    public record ExtendedAttributes(
            @Schema(description = "How it came in.", examples = "open311") String channel,
            @Schema(examples = "normal") String priority,
            @Schema(description = "The service's group.", examples = "排水") String group,
            @JsonProperty("report_count") @Schema(description = "Calls about it, the first included.") int reportCount,
            @Schema(description = "Answers to the service's list attributes (free-text answers are never published).")
            @JacksonXmlElementWrapper(localName = "attributes") @JacksonXmlProperty(localName = "attribute")
            List<AttributeAnswer> attributes) {
    }

    @Schema(name = "Open311AttributeAnswer")
    @JsonPropertyOrder({ "code", "label", "value", "name" })
    public record AttributeAnswer(@Schema(examples = "sewage_in_homes") String code,
            @Schema(examples = "污水是否已进入居民家中？ Is sewage getting into homes?") String label,
            @Schema(examples = "no") String value, @Schema(examples = "否 / No") String name) {
    }

    @Schema(name = "Open311Note", description = "A public event of a request.")
    @JsonPropertyOrder({ "datetime", "description", "type" })
    public record Note(@Schema(examples = "2026-11-29T14:05:09+08:00") String datetime,
            @Schema(description = "What happened; staff notes with callers' names, phone numbers and long numbers masked.")
            String description,
            @Schema(enumeration = { "reported", "dispatched", "reassigned", "started", "resolved", "closed", "cancelled",
                    "reopened", "note" }) String type) {
    }

    @Schema(name = "Open311RequestUpdate", description = "A public event of a request, as FixMyStreet's "
            + "servicerequestupdates extension names it.")
    @JsonPropertyOrder({ "update_id", "service_request_id", "status", "updated_datetime", "description", "media_url" })
    public record RequestUpdate(
            @JsonProperty("update_id") @Schema(description = "Stable: the same event always has the same id.",
                    examples = "4711") String updateId,
            @JsonProperty("service_request_id") @Schema(examples = "CD-2026-000123") String serviceRequestId,
            @Schema(description = "The request's status after the event.", enumeration = { "open", "closed" }) String status,
            @JsonProperty("updated_datetime") String updatedDatetime,
            String description,
            @JsonProperty("media_url") String mediaUrl) {
    }

    @JacksonXmlRootElement(localName = "service_request_updates")
    record RequestUpdatesXml(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request_update")
            List<RequestUpdate> updates) {
    }

    @Schema(name = "Open311CreatedRequest")
    @JsonPropertyOrder({ "service_request_id", "service_notice", "account_id", "access_code" })
    public record CreatedRequest(
            @JsonProperty("service_request_id") String serviceRequestId,
            @JsonProperty("service_notice") String serviceNotice,
            @JsonProperty("account_id") @Schema(description = "Always null: we keep no accounts.") String accountId,
            @JsonProperty("access_code") @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The resident's access code for the residents' API; only for keys that may "
                    + "reveal it, and only in this answer.") String accessCode) {
    }

    @JacksonXmlRootElement(localName = "service_requests")
    record ServiceRequestsXml(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request")
            List<?> requests) {
    }

    @Schema(name = "Open311Error", description = "One error; the answer is a list of them "
            + "(XML: <errors><error><code/><description/></error></errors>).")
    public record Error(@Schema(examples = "400") int code, String description) {
    }
}
