package org.communitydesk.open311;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.FORM;
import static org.communitydesk.open311.Open311Api.JSON;
import static org.communitydesk.open311.Open311Api.anonymous;
import static org.communitydesk.open311.Open311Api.child;
import static org.communitydesk.open311.Open311Api.childNames;
import static org.communitydesk.open311.Open311Api.created;
import static org.communitydesk.open311.Open311Api.elements;
import static org.communitydesk.open311.Open311Api.form;
import static org.communitydesk.open311.Open311Api.issueKey;
import static org.communitydesk.open311.Open311Api.post;
import static org.communitydesk.open311.Open311Api.revoke;
import static org.communitydesk.open311.Open311Api.xml;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.communitydesk.open311.Open311Api.Key;
import org.communitydesk.support.TestClock;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * POST requests: an application with a valid key reports a problem, which becomes a ticket on channel
 * OPEN311 that staff see at once; no key, a wrong one or a revoked one gets 403, and a location outside
 * our communities or an unknown service gets 400, each in the spec's error format.
 */
@QuarkusTest
class Open311PostTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aValidKeyCreatesAnOpen311TicketThatStaffSee() {
        Key key = issueKey("市民随手拍 " + token(), false);
        Instant posted = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(2));
        clock.freezeAt(posted);
        String token = token();
        Map<String, String> form = form(key, "2号楼门口下水道冒水 " + token);
        form.put("first_name", "芳");
        form.put("last_name", "王");
        form.put("phone", "139 0352 1234");
        form.put("email", "wang.fang@example.cn");
        form.put("device_id", "device-42");
        form.put("account_id", "acct-7");
        form.put("attribute[WHISPAWN]", "123456");

        Response answer = post("json", form);

        String code = created(answer);
        assertThat(code).matches("CD-\\d{4}-\\d{6}");
        assertThat(answer.header("Location")).endsWith("/open311/v2/requests/" + code + ".json");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        List<Map<String, Object>> body = answer.jsonPath().getList("$");
        assertThat(body).hasSize(1);
        assertThat(body.get(0).keySet()).containsExactly("service_request_id", "service_notice", "account_id");
        assertThat(body.get(0).get("account_id")).isNull();
        assertThat((String) body.get(0).get("service_notice")).contains("下水堵塞", "北馨园社区", "+08:00");

        JsonPath ticket = TicketApi.get(code).then().statusCode(200).extract().jsonPath();
        assertThat(ticket.getString("channel")).isEqualTo("OPEN311");
        assertThat(ticket.getString("status")).isEqualTo("REPORTED");
        assertThat(ticket.getString("category.code")).isEqualTo("sewer-blockage");
        assertThat(ticket.getString("description")).isEqualTo("2号楼门口下水道冒水 " + token);
        assertThat(ticket.getString("reporter.name")).isEqualTo("王芳");
        assertThat(ticket.getString("reporter.phone")).isEqualTo("139 0352 1234");
        assertThat(ticket.getString("location.community.code")).isEqualTo("beixinyuan");
        assertThat(ticket.getString("location.site.code")).isEqualTo("hongan");
        assertThat(ticket.getDouble("location.latitude")).isEqualTo(40.0912);
        assertThat(ticket.getString("accessCode")).isNull();
        assertThat(ticket.getString("reporter")).doesNotContain("example.cn");
        assertThat(given().queryParam("q", token).when().get("/api/tickets").then().statusCode(200).extract()
                .jsonPath().getList("items.code")).containsExactly(code);
        // The event names the key, never a user, and the key remembers its use.
        List<Map<String, Object>> events = given().when().get("/api/tickets/{code}/events", code).then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(events.get(0)).containsEntry("type", "REPORTED").containsEntry("actor", "open311:" + key.prefix())
                .containsEntry("actorRole", "OPEN311");
        assertThat(given().when().get("/api/open311/keys/{prefix}", key.prefix()).then().statusCode(200).extract()
                .jsonPath().getString("lastUsedAt")).isEqualTo(posted.toString());
        // And the public reads show it.
        assertThat(Open311Api.get("/requests/" + code + ".json").jsonPath().getString("[0].address"))
                .isEqualTo("宏安小区, 北馨园社区");
    }

    @Test
    void theXmlAnswerHasTheSpecsElements() {
        Key key = issueKey("xml 应用 " + token(), false);

        Response answer = post("xml", form(key, "楼道灯不亮"));

        answer.then().statusCode(200);
        assertThat(answer.header("Location")).endsWith(".xml");
        Document xml = xml(answer);
        assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("service_requests");
        List<Element> requests = elements(xml, "/service_requests/request");
        assertThat(requests).hasSize(1);
        assertThat(childNames(requests.get(0))).containsExactly("service_request_id", "service_notice", "account_id");
        String code = child(requests.get(0), "service_request_id");
        assertThat(child(requests.get(0), "account_id")).isEmpty();
        TicketApi.get(code).then().statusCode(200).body("channel", org.hamcrest.Matchers.equalTo("OPEN311"));
    }

    @Test
    void onlyAKeyThatRevealsAccessCodesGetsTheAccessCode() {
        Key revealing = issueKey("居民自助小程序 " + token(), true);
        Key plain = issueKey("第三方地图 " + token(), false);

        Response json = post("json", form(revealing, "化粪池满溢"));
        String code = created(json);
        String accessCode = json.jsonPath().getString("[0].access_code");
        assertThat(accessCode).matches("[A-Z0-9]{8}");
        // It is the ticket's real access code: the residents' API opens the ticket with it.
        given().auth().none().header("X-Access-Code", accessCode).when().get("/api/public/tickets/{code}", code)
                .then().statusCode(200);

        Element xmlRequest = elements(xml(post("xml", form(revealing, "化粪池满溢"))), "/service_requests/request").get(0);
        assertThat(childNames(xmlRequest)).containsExactly("service_request_id", "service_notice", "account_id",
                "access_code");
        assertThat(child(xmlRequest, "access_code")).matches("[A-Z0-9]{8}");

        Response withoutReveal = post("json", form(plain, "化粪池满溢"));
        created(withoutReveal);
        assertThat(withoutReveal.asString()).doesNotContain("access_code");
        assertThat(post("xml", form(plain, "化粪池满溢")).asString()).doesNotContain("access_code");
    }

    static Stream<Arguments> locations() {
        return Stream.of(
                Arguments.of(Map.of("lat", "40.0912", "long", "113.3288"), "beixinyuan", "hongan"),
                // In 北馨园社区 but outside 宏安小区's footprint.
                Arguments.of(Map.of("lat", "40.0880", "long", "113.3330"), "beixinyuan", null),
                Arguments.of(Map.of("lat", "40.0795", "long", "113.2615"), "huaiyuan", "huaiyuan-north"),
                Arguments.of(Map.of("address_id", "jianzhu-no3"), "zhenxingjie", "jianzhu-no3"),
                Arguments.of(Map.of("address_id", "yingbinlu"), "yingbinlu", null),
                Arguments.of(Map.of("address_string", "槐园北区3号楼"), "huaiyuan", "huaiyuan-north"),
                Arguments.of(Map.of("address_string", "Hong'an Compound, building 2"), "beixinyuan", "hongan"),
                Arguments.of(Map.of("address_string", "清远西街社区菜市场东门"), "qingyuanxijie", null),
                Arguments.of(Map.of("address_string", "北馨园东门"), "beixinyuan", null),
                // Coordinates outside every community, but words that name one.
                Arguments.of(Map.of("lat", "39.9042", "long", "116.4074", "address_string", "御锦源社区"), "yujinyuan", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locations")
    void theLocationResolvesToACommunityAndMaybeACompound(Map<String, String> location, String community, String site) {
        Key key = issueKey("定位测试 " + token(), false);
        Map<String, String> form = form(key, "位置测试");
        form.remove("lat");
        form.remove("long");
        form.putAll(location);

        String code = created(post("json", form));

        JsonPath ticket = TicketApi.get(code).then().statusCode(200).extract().jsonPath();
        assertThat(ticket.getString("location.community.code")).isEqualTo(community);
        assertThat(ticket.getString("location.site.code")).isEqualTo(site);
    }

    @Test
    void whatTheAddressStringAddsToThePlaceIsKeptForStaff() {
        Key key = issueKey("地址细节 " + token(), false);
        Map<String, String> byName = form(key, "楼道漏水");
        byName.remove("lat");
        byName.remove("long");
        byName.put("address_string", "宏安小区 2号楼3单元");
        Map<String, String> byCoordinates = form(key, "楼道漏水");
        byCoordinates.put("address_string", "北馨园社区，宏安小区东门");

        assertThat(TicketApi.get(created(post("json", byName))).jsonPath().getString("location.addressDetail"))
                .isEqualTo("2号楼3单元");
        assertThat(TicketApi.get(created(post("json", byCoordinates))).jsonPath().getString("location.addressDetail"))
                .isEqualTo("东门");
    }

    static Stream<Arguments> unresolvableLocations() {
        return Stream.of(
                Arguments.of(Map.of(), "location"),
                // Tiananmen Square: far outside Datong.
                Arguments.of(Map.of("lat", "39.9042", "long", "116.4074"), "outside every community"),
                // Between 北馨园社区 and 振兴街社区, inside neither.
                Arguments.of(Map.of("lat", "40.0868", "long", "113.3240"), "outside every community"),
                Arguments.of(Map.of("address_string", "大同火车站"), "address_string"),
                Arguments.of(Map.of("address_id", "nowhere"), "address_id"),
                Arguments.of(Map.of("address_id", "yingbin"), "address_id"),
                Arguments.of(Map.of("lat", "40.0912"), "together"),
                Arguments.of(Map.of("lat", "north", "long", "113.3288"), "lat"),
                Arguments.of(Map.of("lat", "91", "long", "113.3288"), "lat"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unresolvableLocations")
    void aLocationOutsideOurCommunitiesIsRefused(Map<String, String> location, String mentioned) {
        Key key = issueKey("定位测试 " + token(), false);
        String token = token();
        Map<String, String> form = form(key, "无法定位 " + token);
        form.remove("lat");
        form.remove("long");
        form.putAll(location);

        for (String format : List.of("json", "xml")) {
            Response answer = post(format, form);
            Open311ErrorsTest.assertError(answer, format, 400, mentioned);
        }
        assertNoTicketWith(token);
    }

    @ParameterizedTest(name = "service_code \"{0}\"")
    @ValueSource(strings = { "", "nope", "SEWER-BLOCKAGE" })
    void aMissingOrUnknownServiceIsRefused(String serviceCode) {
        Key key = issueKey("服务测试 " + token(), false);
        String token = token();
        Map<String, String> form = form(key, "未知服务 " + token);
        form.put("service_code", serviceCode);

        for (String format : List.of("json", "xml")) {
            Open311ErrorsTest.assertError(post(format, form), format, 400, "service_code");
        }
        assertNoTicketWith(token);
    }

    @Test
    void missingWrongAndRevokedKeysAreForbidden() {
        Key key = issueKey("将被吊销 " + token(), false);
        String token = token();
        Map<String, String> missing = form(key, "无钥匙 " + token);
        missing.remove("api_key");
        Map<String, String> empty = form(key, "空钥匙 " + token);
        empty.put("api_key", "");
        Map<String, String> wrong = form(key, "错钥匙 " + token);
        wrong.put("api_key", key.apiKey() + "x");
        Map<String, String> prefixOnly = form(key, "前缀 " + token);
        prefixOnly.put("api_key", key.prefix());

        for (String format : List.of("json", "xml")) {
            Open311ErrorsTest.assertError(post(format, missing), format, 403, "api_key is missing");
            Open311ErrorsTest.assertError(post(format, empty), format, 403, "api_key is missing");
            Open311ErrorsTest.assertError(post(format, wrong), format, 403, "Invalid api_key");
            Open311ErrorsTest.assertError(post(format, prefixOnly), format, 403, "Invalid api_key");
        }
        created(post("json", form(key, "有效钥匙 " + token)));

        revoke(key);

        for (String format : List.of("json", "xml")) {
            Open311ErrorsTest.assertError(post(format, form(key, "已吊销 " + token)), format, 403, "revoked");
        }
        List<String> descriptions = given().queryParam("q", token).when().get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items.code");
        assertThat(descriptions).as("only the POST with the valid key made a ticket").hasSize(1);
    }

    @Test
    void theKeyIsCheckedBeforeAnythingElse() {
        Map<String, String> form = Map.of("api_key", "cd311_nonsense", "service_code", "nope");
        Open311ErrorsTest.assertError(post("json", form), "json", 403, "api_key");
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("phone", "call me maybe", "phone"),
                Arguments.of("description", "x".repeat(4001), "description"),
                Arguments.of("description", "堵".repeat(4001), "description"),
                Arguments.of("first_name", "名".repeat(101), "first_name"),
                Arguments.of("address_string", "宏安小区" + "x".repeat(200), "address_string"),
                Arguments.of("media_url", "javascript:alert(1)", "media_url"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFields")
    void invalidFieldsAreRefused(String field, String value, String mentioned) {
        Key key = issueKey("字段测试 " + token(), false);
        String token = token();
        Map<String, String> form = form(key, "字段 " + token);
        form.put(field, value);
        if (field.equals("address_string")) {
            form.remove("lat");
            form.remove("long");
        }

        Open311ErrorsTest.assertError(post("json", form), "json", 400, mentioned);
        assertNoTicketWith(token);
    }

    @Test
    void withoutNameOrDescriptionTheTicketGetsPlaceholders() {
        Key key = issueKey("匿名 " + token(), false);
        Map<String, String> form = form(key, null);
        form.remove("description");
        form.put("media_url", "https://img.example.cn/p/1.jpg");

        String code = created(post("json", form));

        JsonPath ticket = TicketApi.get(code).then().statusCode(200).extract().jsonPath();
        assertThat(ticket.getString("reporter.name")).isEqualTo("Open311 居民");
        assertThat(ticket.getString("reporter.phone")).isNull();
        assertThat(ticket.getString("description")).startsWith("下水堵塞").endsWith("https://img.example.cn/p/1.jpg");
    }

    @Test
    void aWesternNameKeepsItsOrder() {
        assertThat(GeoReportService.reporterName("John", "Smith")).isEqualTo("John Smith");
        assertThat(GeoReportService.reporterName("芳", "王")).isEqualTo("王芳");
        assertThat(GeoReportService.reporterName(null, "王")).isEqualTo("王");
        assertThat(GeoReportService.reporterName(null, null)).isEqualTo("Open311 居民");
    }

    @Test
    void aDescriptionOf4000ChineseCharactersIsTaken() {
        Key key = issueKey("长描述 " + token(), false);
        String text = "下水道堵塞污水外溢。".repeat(400);

        String code = created(post("json", form(key, text)));

        assertThat(TicketApi.get(code).jsonPath().getString("description")).hasSize(4000).isEqualTo(text);
    }

    @Test
    void chineseTextArrivesIntactInUtf8() {
        Key key = issueKey("编码 " + token(), false);
        String text = "污水井溢出，味道很大——请尽快处理（宏安小区）";

        String code = created(anonymous().contentType(FORM).formParams(form(key, text)).when()
                .post(Open311Api.BASE + "/requests.json"));

        assertThat(TicketApi.get(code).jsonPath().getString("description")).isEqualTo(text);
    }

    @Test
    void aJsonBodyIsRefused() {
        Key key = issueKey("JSON 客户端 " + token(), false);
        Response answer = anonymous().contentType(ContentType.JSON).body(form(key, "JSON body"))
                .when().post(Open311Api.BASE + "/requests.json");
        Open311ErrorsTest.assertError(answer, "json", 400, "x-www-form-urlencoded");
        assertThat(answer.contentType()).isEqualTo(JSON);
    }

    private static void assertNoTicketWith(String token) {
        assertThat(given().queryParam("q", token).when().get("/api/tickets").then().statusCode(200).extract()
                .jsonPath().getLong("total")).as("tickets made by the refused POST").isZero();
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
