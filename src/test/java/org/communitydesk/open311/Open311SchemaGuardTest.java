package org.communitydesk.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The schema checks of the Open311 tests really run: documents that break the official schemas
 * fail, and the examples that follow them pass. Without this, a validator that silently checks
 * nothing (a schema not found, a $ref not followed, formats ignored) would let every test pass.
 */
class Open311SchemaGuardTest {

    private static final String VALID_REQUEST = """
            {"service_request_id": "CD-2026-000123", "status": "open", "status_notes": null,
             "service_name": "下水堵塞", "service_code": "sewer-blockage", "description": "2号楼下水堵塞",
             "agency_responsible": null, "service_notice": null,
             "requested_datetime": "2026-11-29T08:15:30+08:00", "updated_datetime": "2026-11-29T08:15:30+08:00",
             "expected_datetime": null, "address": "宏安小区, 北馨园社区", "address_id": "hongan",
             "zipcode": null, "lat": 40.0912, "long": 113.3288, "media_url": null}""";

    @Test
    void aValidRequestListPasses() {
        assertThat(GeoReportSchemas.errors("requests.json", "[" + VALID_REQUEST + "]")).isEmpty();
        assertThat(GeoReportSchemas.errors("requests.json", "[]")).isEmpty();
    }

    @Test
    void theItemSchemaIsFollowedThroughItsRelativeRef() {
        String noServiceCode = VALID_REQUEST.replace("\"service_code\": \"sewer-blockage\", ", "");
        assertThat(GeoReportSchemas.errors("requests.json", "[" + noServiceCode + "]")).isNotEmpty();
    }

    @Test
    void wrongTypesEnumsAndFormatsFail() {
        assertThat(GeoReportSchemas.errors("request.json", VALID_REQUEST.replace("\"open\"", "\"pending\"")))
                .as("status outside its enum").isNotEmpty();
        assertThat(GeoReportSchemas.errors("request.json", VALID_REQUEST.replace("\"CD-2026-000123\"", "123")))
                .as("a numeric service_request_id").isNotEmpty();
        assertThat(GeoReportSchemas.errors("request.json", VALID_REQUEST.replace("\"lat\": 40.0912", "\"lat\": \"40.0912\"")))
                .as("lat as text").isNotEmpty();
        assertThat(GeoReportSchemas.errors("request.json",
                VALID_REQUEST.replace("\"requested_datetime\": \"2026-11-29T08:15:30+08:00\"", "\"requested_datetime\": \"yesterday\"")))
                .as("requested_datetime that is no date-time").isNotEmpty();
        assertThat(GeoReportSchemas.errors("request.json", VALID_REQUEST.replace("\"2号楼下水堵塞\"", "\"" + "x".repeat(4001) + "\"")))
                .as("a description over 4000 characters").isNotEmpty();
    }

    @Test
    void servicesAndDefinitionsAreCheckedToo() {
        assertThat(GeoReportSchemas.errors("services.json", """
                [{"service_code": "sewer-blockage", "service_name": "下水堵塞", "metadata": false, "type": "realtime"}]"""))
                .isEmpty();
        assertThat(GeoReportSchemas.errors("services.json", """
                [{"service_code": "sewer-blockage", "service_name": "下水堵塞", "metadata": "no", "type": "soon"}]"""))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(GeoReportSchemas.errors("service-definition.json", """
                {"service_code": "sewer-blockage", "attributes": []}""")).isEmpty();
        assertThat(GeoReportSchemas.errors("service-definition.json", """
                {"service_code": "sewer-blockage"}""")).isNotEmpty();
    }
}
