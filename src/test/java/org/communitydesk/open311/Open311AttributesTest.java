package org.communitydesk.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.JSON;
import static org.communitydesk.open311.Open311Api.child;
import static org.communitydesk.open311.Open311Api.childNames;
import static org.communitydesk.open311.Open311Api.created;
import static org.communitydesk.open311.Open311Api.elements;
import static org.communitydesk.open311.Open311Api.form;
import static org.communitydesk.open311.Open311Api.get;
import static org.communitydesk.open311.Open311Api.issueKey;
import static org.communitydesk.open311.Open311Api.post;
import static org.communitydesk.open311.Open311Api.xml;
import static org.communitydesk.open311.Open311ErrorsTest.assertError;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.open311.Open311Api.Key;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Service attributes: the sewer services ask which building and whether sewage is getting into homes; the
 * definition publishes the questions, POST checks the answers, and staff see them on the ticket.
 */
@QuarkusTest
class Open311AttributesTest {

    @Test
    void theSewerDefinitionAsksTwoQuestionsInBothFormats() {
        Response json = get("/services/sewer-blockage.json");
        json.then().statusCode(200).contentType(JSON);
        assertThat(GeoReportSchemas.errors("service-definition.json", json.asString())).isEmpty();
        List<Map<String, Object>> attributes = json.jsonPath().getList("attributes");
        assertThat(attributes).extracting(a -> a.get("code")).containsExactly("building", "sewage_in_homes");
        assertThat(attributes.get(0)).containsEntry("datatype", "string").containsEntry("required", false)
                .containsEntry("order", 1).containsEntry("variable", true);
        assertThat(attributes.get(1)).containsEntry("datatype", "singlevaluelist").containsEntry("required", true)
                .containsEntry("order", 2);
        assertThat((String) attributes.get(1).get("description")).contains("污水", "homes");
        assertThat(json.jsonPath().getList("attributes[1].values.key")).containsExactly("yes", "no");
        assertThat(json.jsonPath().getList("attributes[1].values.name")).containsExactly("是 / Yes", "否 / No");

        Document xml = xml(get("/services/sewer-blockage.xml"));
        List<Element> xmlAttributes = elements(xml, "/service_definition/attributes/attribute");
        assertThat(xmlAttributes).hasSize(2);
        assertThat(childNames(xmlAttributes.get(1))).containsExactly("variable", "code", "datatype", "required",
                "datatype_description", "order", "description", "values");
        assertThat(child(xmlAttributes.get(1), "code")).isEqualTo("sewage_in_homes");
        assertThat(elements(xml, "/service_definition/attributes/attribute[2]/values/value/key"))
                .extracting(Element::getTextContent).containsExactly("yes", "no");
        assertThat(elements(xml, "/service_definition/attributes/attribute[2]/values/value[1]/name"))
                .extracting(Element::getTextContent).containsExactly("是 / Yes");
    }

    @Test
    void aMissingRequiredAnswerOrAValueNotOfferedIsRefused() {
        Key key = issueKey("属性校验 " + token(), false);
        for (String format : List.of("json", "xml")) {
            Map<String, String> missing = form(key, "下水道堵了");
            missing.remove("attribute[sewage_in_homes]");
            assertError(post(format, missing), format, 400, "attribute[sewage_in_homes]");

            Map<String, String> blank = form(key, "下水道堵了");
            blank.put("attribute[sewage_in_homes]", " ");
            assertError(post(format, blank), format, 400, "is required");

            Map<String, String> notOffered = form(key, "下水道堵了");
            notOffered.put("attribute[sewage_in_homes]", "maybe");
            assertError(post(format, notOffered), format, 400, "must be one of yes, no");
        }
        // Two values for a single-value list.
        Response two = Open311Api.anonymous().contentType(Open311Api.FORM).formParam("api_key", key.apiKey())
                .formParam("service_code", "sewer-blockage").formParam("address_id", "hongan")
                .formParam("attribute[sewage_in_homes][]", "yes", "no").when().post(Open311Api.BASE + "/requests.json");
        assertError(two, "json", 400, "takes one value");
        // A service without questions takes no answers and needs none.
        Map<String, String> light = form(key, "路灯不亮");
        light.put("service_code", "street-light");
        light.remove("attribute[sewage_in_homes]");
        created(post("json", light));
    }

    @Test
    void theAnswersAreKeptAndShownToStaffButOnlyListAnswersArePublished() {
        Key key = issueKey("属性保存 " + token(), false);
        Map<String, String> form = form(key, "污水漫进一楼");
        form.put("service_code", "sewage-overflow");
        form.put("attribute[building]", "3号楼 王芳家");
        form.put("attribute[sewage_in_homes]", "yes");
        form.put("attribute[not_asked]", "ignored");
        String code = created(post("json", form));

        List<Map<String, Object>> answers = given().when().get("/api/tickets/{code}", code).then().statusCode(200)
                .extract().jsonPath().getList("attributes");
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0)).containsEntry("code", "building").containsEntry("answer", "3号楼 王芳家")
                .containsEntry("answerName", null);
        assertThat((String) answers.get(0).get("label")).contains("哪栋楼");
        assertThat(answers.get(1)).containsEntry("code", "sewage_in_homes").containsEntry("answer", "yes")
                .containsEntry("answerName", "是 / Yes");

        for (String format : List.of("json", "xml")) {
            String published = get("/requests/" + code + "." + format + "?extensions=true").asString();
            assertThat(published).as(format).contains("sewage_in_homes").doesNotContain("王芳", "3号楼", "not_asked");
        }
        Response json = get("/requests/" + code + ".json?extensions=true");
        assertThat(json.jsonPath().getList("[0].extended_attributes.attributes.value")).containsExactly("yes");
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
