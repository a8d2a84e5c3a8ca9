package org.communitydesk.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.JSON;
import static org.communitydesk.open311.Open311Api.REQUEST_ELEMENTS;
import static org.communitydesk.open311.Open311Api.W3C_SHANGHAI;
import static org.communitydesk.open311.Open311Api.child;
import static org.communitydesk.open311.Open311Api.childNames;
import static org.communitydesk.open311.Open311Api.elements;
import static org.communitydesk.open311.Open311Api.get;
import static org.communitydesk.open311.Open311Api.requestElement;
import static org.communitydesk.open311.Open311Api.xml;
import static org.communitydesk.support.TicketApi.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The public reads of Open311 GeoReport v2 in both formats: discovery, the service list, service
 * definitions and single requests. JSON is checked against the official schemas, XML element by element.
 */
@QuarkusTest
class Open311ReadTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    // --- Discovery ------------------------------------------------------------------------------------

    @Test
    void discoveryNamesTheEndpointItsFormatsAndHowToGetAKey() {
        Response json = get("/discovery.json");
        json.then().statusCode(200).contentType(JSON);
        JsonPath discovery = json.jsonPath();
        assertThat(discovery.getString("changeset")).matches(W3C_SHANGHAI);
        assertThat(discovery.getString("contact")).isNotBlank();
        assertThat(discovery.getString("key_service")).contains("API");
        assertThat(discovery.getList("endpoints")).hasSize(1);
        assertThat(discovery.getString("endpoints[0].specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(discovery.getString("endpoints[0].url")).endsWith("/open311/v2");
        assertThat(discovery.getString("endpoints[0].type")).isEqualTo("production");
        assertThat(discovery.getList("endpoints[0].formats")).containsExactly("text/xml", "application/json");

        Document xml = xml(get("/discovery.xml"));
        Element root = xml.getDocumentElement();
        assertThat(root.getNodeName()).isEqualTo("discovery");
        assertThat(childNames(root)).containsExactly("changeset", "contact", "key_service", "endpoints");
        assertThat(child(root, "changeset")).isEqualTo(discovery.getString("changeset"));
        Element endpoint = elements(xml, "/discovery/endpoints/endpoint").get(0);
        assertThat(childNames(endpoint)).containsExactly("specification", "url", "changeset", "type", "formats");
        assertThat(child(endpoint, "url")).isEqualTo(discovery.getString("endpoints[0].url"));
        assertThat(elements(xml, "/discovery/endpoints/endpoint/formats/format")).extracting(Element::getTextContent)
                .containsExactly("text/xml", "application/json");
    }

    // --- Services -------------------------------------------------------------------------------------

    @Test
    void everyCategoryIsARealtimeServiceWithMetadataWhenItAsksQuestions() {
        Response json = get("/services.json");
        json.then().statusCode(200).contentType(JSON);
        assertThat(GeoReportSchemas.errors("services.json", json.asString())).isEmpty();
        List<Map<String, Object>> services = json.jsonPath().getList("$");
        List<String> categories = RestAssured.given().when().get("/api/categories").then().statusCode(200).extract()
                .jsonPath().getList("code");
        assertThat(services).extracting(s -> s.get("service_code")).containsExactlyElementsOf(categories);
        assertThat(services).allSatisfy(service -> {
            // The sewer services ask further questions (V18); the others none.
            boolean asks = List.of("sewer-blockage", "sewage-overflow").contains(service.get("service_code"));
            assertThat(service.get("metadata")).as("%s", service.get("service_code")).isEqualTo(asks);
            assertThat(service.get("type")).isEqualTo("realtime");
        });
        Map<String, Object> sewer = services.stream().filter(s -> s.get("service_code").equals("sewer-blockage"))
                .findFirst().orElseThrow();
        assertThat(sewer).containsEntry("service_name", "下水堵塞").containsEntry("description", "Sewer blockage")
                .containsEntry("group", "排水").containsEntry("keywords", "下水堵塞, Sewer blockage, 排水, drainage");

        Document xml = xml(get("/services.xml"));
        assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("services");
        List<Element> xmlServices = elements(xml, "/services/service");
        assertThat(xmlServices).hasSameSizeAs(services);
        for (int i = 0; i < services.size(); i++) {
            Element service = xmlServices.get(i);
            assertThat(childNames(service)).containsExactly("service_code", "service_name", "description", "metadata",
                    "type", "keywords", "group");
            for (String field : List.of("service_code", "service_name", "description", "type", "keywords", "group")) {
                assertThat(child(service, field)).as(field).isEqualTo(String.valueOf(services.get(i).get(field)));
            }
            assertThat(child(service, "metadata")).isEqualTo(String.valueOf(services.get(i).get("metadata")));
        }
    }

    @Test
    void aServiceDefinitionHasNoAttributes() {
        Response json = get("/services/lift-outage.json");
        json.then().statusCode(200).contentType(JSON);
        assertThat(GeoReportSchemas.errors("service-definition.json", json.asString())).isEmpty();
        assertThat(json.jsonPath().getString("service_code")).isEqualTo("lift-outage");
        assertThat(json.jsonPath().getList("attributes")).isEmpty();

        Document xml = xml(get("/services/lift-outage.xml"));
        Element root = xml.getDocumentElement();
        assertThat(root.getNodeName()).isEqualTo("service_definition");
        assertThat(childNames(root)).containsExactly("service_code", "attributes");
        assertThat(child(root, "service_code")).isEqualTo("lift-outage");
        assertThat(childNames(elements(xml, "/service_definition/attributes").get(0))).isEmpty();
    }

    // --- One request --------------------------------------------------------------------------------------

    @Test
    void aRequestShowsStatusNotesAgencyDatesAndTheCompoundNotTheTicket() {
        Map<String, Object> body = intake("sewer-blockage", "beixinyuan", "hongan");
        @SuppressWarnings("unchecked")
        Map<String, Object> location = (Map<String, Object>) body.get("location");
        // The ticket's own position, a little off the compound's centre: it must not be published.
        location.put("latitude", 40.09133);
        location.put("longitude", 113.32911);
        String code = TicketApi.create(body).then().statusCode(201).extract().path("code");
        TicketApi.walk(code, "dispatch");
        note(code, "疏通队已到现场，预计下午完成", "PUBLIC");
        note(code, "内部：物业电话打不通", "INTERNAL");
        JsonPath ticket = TicketApi.get(code).then().statusCode(200).extract().jsonPath();

        Response json = get("/requests/" + code + ".json");
        json.then().statusCode(200).contentType(JSON);
        assertThat(GeoReportSchemas.errors("requests.json", json.asString())).isEmpty();
        List<Map<String, Object>> list = json.jsonPath().getList("$");
        assertThat(list).hasSize(1);
        Map<String, Object> request = list.get(0);
        assertThat(request.keySet()).containsExactlyElementsOf(REQUEST_ELEMENTS);
        assertThat(request).containsEntry("service_request_id", code)
                .containsEntry("status", "open")
                .containsEntry("status_notes", "疏通队已到现场，预计下午完成")
                .containsEntry("service_name", "下水堵塞")
                .containsEntry("service_code", "sewer-blockage")
                .containsEntry("agency_responsible", "通达管道专业清掏队")
                .containsEntry("address", "宏安小区, 北馨园社区")
                .containsEntry("address_id", "hongan")
                .containsEntry("lat", 40.0912f)
                .containsEntry("long", 113.3288f)
                .containsEntry("requested_datetime", w3c(ticket.getString("reportedAt")))
                .containsEntry("expected_datetime", w3c(ticket.getString("dueAt")));
        assertThat((String) request.get("updated_datetime")).matches(W3C_SHANGHAI);

        Element xmlRequest = requestElement(xml(get("/requests/" + code + ".xml")), code);
        assertThat(childNames(xmlRequest)).containsExactlyElementsOf(REQUEST_ELEMENTS);
        for (String field : REQUEST_ELEMENTS) {
            Object value = request.get(field);
            assertThat(child(xmlRequest, field)).as(field).isEqualTo(value == null ? "" : String.valueOf(value));
        }
    }

    @Test
    void withoutACompoundTheCommunityIsTheAddressAndPosition() {
        String code = TicketApi.createTicket("street-light", "yujinyuan", null);

        JsonPath request = get("/requests/" + code + ".json").then().statusCode(200).extract().jsonPath();

        assertThat(request.getString("[0].address")).isEqualTo("御锦源社区");
        assertThat(request.getString("[0].address_id")).isEqualTo("yujinyuan");
        assertThat(request.getDouble("[0].lat")).isEqualTo(40.1060);
        assertThat(request.getDouble("[0].long")).isEqualTo(113.2980);
        assertThat(request.getString("[0].agency_responsible")).isNull();
        assertThat(request.getString("[0].status_notes")).isNull();
    }

    @Test
    void reportedDispatchedAndInProgressAreOpenTheRestClosed() {
        List<Map.Entry<List<String>, String>> walks = List.of(
                Map.entry(List.of(), "open"),
                Map.entry(List.of("dispatch"), "open"),
                Map.entry(List.of("dispatch", "start"), "open"),
                Map.entry(List.of("dispatch", "start", "resolve"), "closed"),
                Map.entry(List.of("dispatch", "start", "resolve", "close"), "closed"),
                Map.entry(List.of("cancel"), "closed"));
        for (var walk : walks) {
            String code = TicketApi.createTicket();
            TicketApi.walk(code, walk.getKey().toArray(String[]::new));
            assertThat(get("/requests/" + code + ".json").jsonPath().getString("[0].status"))
                    .as("after %s", walk.getKey()).isEqualTo(walk.getValue());
            assertThat(child(requestElement(xml(get("/requests/" + code + ".xml")), code), "status"))
                    .as("after %s, XML", walk.getKey()).isEqualTo(walk.getValue());
        }
    }

    @Test
    void aStatusChangeShowsAtOnce() {
        String code = TicketApi.createTicket();
        assertThat(get("/requests/" + code + ".json").jsonPath().getString("[0].status")).isEqualTo("open");

        TicketApi.walk(code, "cancel");

        assertThat(get("/requests/" + code + ".json").jsonPath().getString("[0].status")).isEqualTo("closed");
        assertThat(get("/requests.json?service_request_id=" + code).jsonPath().getString("[0].status"))
                .isEqualTo("closed");
    }

    private static void note(String code, String text, String visibility) {
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("text", text, "visibility", visibility))
                .when().post("/api/tickets/{code}/notes", code).then().statusCode(201);
    }

    private static String w3c(String instant) {
        return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX")
                .format(Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).atZone(SHANGHAI));
    }
}
