package org.communitydesk.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Calls and checks shared by the Open311 tests: keys, form POSTs, and the two formats of every answer. */
final class Open311Api {

    static final String BASE = "/open311/v2";
    static final String JSON = "application/json; charset=utf-8";
    static final String XML = "text/xml; charset=utf-8";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    /** The elements of a request, in the spec's order. */
    static final List<String> REQUEST_ELEMENTS = List.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    /** W3C date-time in the installation's zone, Asia/Shanghai, in whole seconds. */
    static final String W3C_SHANGHAI = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Open311Api() {
    }

    /** An issued key: its prefix (which names it) and the key itself. */
    record Key(String prefix, String apiKey) {
    }

    /** A key issued by the test administrator to a named application. */
    static Key issueKey(String application, boolean revealsAccessCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("application", application);
        body.put("revealsAccessCode", revealsAccessCode);
        var issued = given().contentType(ContentType.JSON).body(body).when().post("/api/open311/keys").then()
                .statusCode(201).extract();
        return new Key(issued.path("key.prefix"), issued.path("apiKey"));
    }

    static void revoke(Key key) {
        given().contentType(ContentType.JSON).when().post("/api/open311/keys/{prefix}/revoke", key.prefix()).then()
                .statusCode(200);
    }

    /** A valid report at 宏安小区 by coordinates; tests change or remove fields of it. */
    static Map<String, String> form(Key key, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", key.apiKey());
        form.put("service_code", "sewer-blockage");
        form.put("lat", "40.0912");
        form.put("long", "113.3288");
        form.put("description", description);
        // The sewer services' one required question (see services/sewer-blockage.json).
        form.put("attribute[sewage_in_homes]", "no");
        return form;
    }

    /** POST requests.{format} as a form, with no credentials (the key is the authority). */
    static Response post(String format, Map<String, String> form) {
        return anonymous().contentType(FORM).formParams(form).when().post(BASE + "/requests." + format);
    }

    /** A GET without credentials: Open311 reads are public. */
    static RequestSpecification anonymous() {
        return given().auth().none();
    }

    static Response get(String path) {
        return anonymous().when().get(BASE + path);
    }

    /** The tracking code of a request made through POST requests.json (200, the default status). */
    static String created(Response answer) {
        answer.then().statusCode(200).contentType(JSON);
        return answer.jsonPath().getString("[0].service_request_id");
    }

    // --- XML --------------------------------------------------------------------------------------------

    /** Parses an XML answer with the JDK, refusing DTDs; checks the declaration the spec asks for. */
    static Document xml(Response answer) {
        assertThat(answer.contentType()).isEqualTo(XML);
        String body = answer.asString();
        assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + body, e);
        }
    }

    static List<Element> elements(Document document, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document,
                    XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                elements.add((Element) nodes.item(i));
            }
            return elements;
        } catch (Exception e) {
            throw new AssertionError("Bad XPath " + xpath, e);
        }
    }

    /** The names of an element's child elements, in document order. */
    static List<String> childNames(Element element) {
        List<String> names = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                names.add(child.getNodeName());
            }
        }
        return names;
    }

    /** The text of a child element; an empty element (the spec's null) reads as "". */
    static String child(Element element, String name) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE && child.getNodeName().equals(name)) {
                return child.getTextContent();
            }
        }
        throw new AssertionError("<" + element.getNodeName() + "> has no <" + name + ">");
    }

    /** The XML request with the given id, from a <service_requests> answer. */
    static Element requestElement(Document document, String code) {
        return elements(document, "/service_requests/request").stream()
                .filter(r -> child(r, "service_request_id").equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("No <request> for " + code));
    }

    /** The codes of a JSON request list, after checking it against the official schema. */
    static List<String> jsonCodes(Response answer) {
        answer.then().statusCode(200).contentType(JSON);
        String body = answer.asString();
        assertThat(GeoReportSchemas.errors("requests.json", body)).as("requests.json schema").isEmpty();
        try {
            // Jackson rather than RestAssured's JsonPath, which takes seconds over a thousand requests.
            List<String> codes = new ArrayList<>();
            MAPPER.readTree(body).forEach(request -> codes.add(request.path("service_request_id").asText()));
            return codes;
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }

    /** The codes of an XML request list, in document order. */
    static List<String> xmlCodes(Response answer) {
        answer.then().statusCode(200);
        return elements(xml(answer), "/service_requests/request/service_request_id").stream()
                .map(Element::getTextContent).toList();
    }
}
