package org.communitydesk.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference data of Datong's offices as the public directory endpoints show it (from V2 of the migrations). */
@QuarkusTest
class DirectoryResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    // --- Areas -----------------------------------------------------------------------------------

    @Test
    void areaTreeHoldsDistrictsStreetOfficesAndCommunities() {
        JsonPath areas = given().get("/api/areas").then().statusCode(200).extract().jsonPath();

        assertThat(areas.<String>getList("code")).containsExactly("pingcheng", "yungang");
        assertThat(areas.<String>getList("level")).containsOnly("DISTRICT");
        assertThat(areas.<String>getList("nameZh")).containsExactly("平城区", "云冈区");
        assertThat(areas.<String>getList("nameEn")).containsExactly("Pingcheng District", "Yungang District");

        assertThat(areas.<String>getList("[0].children.nameZh")).containsExactly("迎宾街道", "新旺街道", "清远街道");
        assertThat(areas.<String>getList("[0].children.code")).containsExactly("yingbin", "xinwang", "qingyuan");
        assertThat(areas.<String>getList("[0].children.nameEn"))
                .containsExactly("Yingbin Street Office", "Xinwang Street Office", "Qingyuan Street Office");
        assertThat(areas.<String>getList("[0].children.level")).containsOnly("STREET_OFFICE");

        assertThat(communities(areas, "[0].children[0]")).containsExactly(
                tuple("beixinyuan", "北馨园社区", "Beixinyuan Community"),
                tuple("yingbinlu", "迎宾路社区", "Yingbin Road Community"),
                tuple("zhenxingjie", "振兴街社区", "Zhenxing Street Community"));
        assertThat(communities(areas, "[0].children[1]")).containsExactly(
                tuple("yujinyuan", "御锦源社区", "Yujinyuan Community"));
        assertThat(communities(areas, "[0].children[2]")).containsExactly(
                tuple("qingyuanxijie", "清远西街社区", "Qingyuan West Street Community"));

        assertThat(areas.<String>getList("[1].children.nameZh")).containsExactly("西花园街道");
        assertThat(areas.getString("[1].children[0].nameEn")).isEqualTo("Xihuayuan Street Office");
        assertThat(communities(areas, "[1].children[0]")).containsExactly(
                tuple("huaiyuan", "槐园社区", "Huaiyuan Community"));
    }

    @Test
    void communitiesAreTheLeavesOfTheTree() {
        given().get("/api/areas").then().statusCode(200)
                .body("children.children.flatten().level", everyItem(equalTo("COMMUNITY")))
                .body("children.children.flatten().children", everyItem(empty()))
                .body("children.children.flatten()", hasSize(6));
    }

    /** The entries with these codes, in the order the answer lists them. */
    private static List<Map<String, Object>> seeded(List<Map<String, Object>> all, String... codes) {
        List<String> wanted = List.of(codes);
        return all.stream().filter(entry -> wanted.contains(entry.get("code"))).toList();
    }

    private static List<Tuple> communities(JsonPath areas, String streetOffice) {
        List<Map<String, Object>> children = areas.getList(streetOffice + ".children");
        assertThat(children).extracting(c -> c.get("level")).containsOnly("COMMUNITY");
        return children.stream().map(c -> tuple(c.get("code"), c.get("nameZh"), c.get("nameEn"))).toList();
    }

    // --- Sites -----------------------------------------------------------------------------------

    @Test
    void sitesListEveryCompoundWithItsCommunityAndPropertyManager() {
        JsonPath sites = given().get("/api/sites").then().statusCode(200).extract().jsonPath();

        // ADMIN may add compounds (other tests do), so the seeded ones are checked among the rest, in order.
        List<Map<String, Object>> all = seeded(sites.getList(""), "hongan", "huaiyuan-north", "jianzhu-no3");
        assertThat(all).extracting("code", "nameZh", "communityCode", "propertyManaged", "propertyManagerCode")
                .containsExactly(
                        tuple("hongan", "宏安小区", "beixinyuan", false, null),
                        tuple("huaiyuan-north", "槐园北区", "huaiyuan", true, "zhongrui-property"),
                        tuple("jianzhu-no3", "建筑三公司家属院", "zhenxingjie", false, null));
        assertThat(all).extracting("nameEn").containsExactly("Hong'an Compound", "Huaiyuan North Compound",
                "No. 3 Construction Company Residential Compound");
    }

    @Test
    void sitesCanBeFilteredByCommunity() {
        // ADMIN may add compounds to any community (other tests do), so each answer is checked for the
        // filter and for the seeded compounds by code, not for its whole content.
        given().queryParam("community", "beixinyuan").get("/api/sites").then().statusCode(200)
                .body("communityCode", everyItem(equalTo("beixinyuan")))
                .body("code", hasItem("hongan"))
                .body("code", not(hasItem("huaiyuan-north")))
                .body("find { it.code == 'hongan' }.nameZh", equalTo("宏安小区"));
        given().queryParam("community", "huaiyuan").get("/api/sites").then().statusCode(200)
                .body("communityCode", everyItem(equalTo("huaiyuan")))
                .body("code", hasItem("huaiyuan-north"))
                .body("code", not(hasItem("hongan")));
        // A community without seeded compounds.
        given().queryParam("community", "qingyuanxijie").get("/api/sites").then().statusCode(200)
                .body("communityCode", everyItem(equalTo("qingyuanxijie")))
                .body("code", not(hasItem(org.hamcrest.Matchers.oneOf("hongan", "huaiyuan-north", "jianzhu-no3"))));
    }

    @ParameterizedTest(name = "community={0}")
    @ValueSource(strings = { "atlantis", "yingbin", "pingcheng" })
    void sitesOfSomethingThatIsNotACommunityAreRefused(String community) {
        given().queryParam("community", community).get("/api/sites").then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("violations[0].field", equalTo("community"))
                .body("detail", not(emptyOrNullString()))
                .body("instance", equalTo("/api/sites"));
    }

    // --- Organizations ---------------------------------------------------------------------------

    @Test
    void organizationsListAllFiveWithKindAndContactPhone() {
        JsonPath organizations = given().get("/api/organizations").then().statusCode(200).extract().jsonPath();

        List<Map<String, Object>> all = seeded(organizations.getList(""), "datong-sewage", "pingcheng-sanitation",
                "tongda-dredging", "yingbin-enforcement", "zhongrui-property");
        assertThat(all).extracting("code", "kind", "nameZh", "contactPhone").containsExactly(
                tuple("datong-sewage", "AGENCY", "大同市政排污所", "0352-2041234"),
                tuple("pingcheng-sanitation", "AGENCY", "平城区环卫服务中心", "0352-2055678"),
                tuple("tongda-dredging", "CONTRACTOR", "通达管道专业清掏队", "0352-5123456"),
                tuple("yingbin-enforcement", "AGENCY", "迎宾街道综合行政执法队", "0352-2069012"),
                tuple("zhongrui-property", "PROPERTY_MANAGER", "中瑞物业", "0352-6027788"));
        assertThat(all).extracting("nameEn").containsExactly("Datong Municipal Sewage Office",
                "Pingcheng Sanitation Service Centre", "Tongda Professional Pipe Dredging Team",
                "Yingbin Street Office Law-Enforcement Team", "Zhongrui Property Management");
    }

    @Test
    void organizationsCanBeFilteredByKind() {
        given().queryParam("kind", "AGENCY").get("/api/organizations").then().statusCode(200)
                .body("code", hasItems("datong-sewage", "pingcheng-sanitation", "yingbin-enforcement"))
                .body("kind", everyItem(equalTo("AGENCY")));
        given().queryParam("kind", "CONTRACTOR").get("/api/organizations").then().statusCode(200)
                .body("code", hasItems("tongda-dredging")).body("kind", everyItem(equalTo("CONTRACTOR")));
        given().queryParam("kind", "PROPERTY_MANAGER").get("/api/organizations").then().statusCode(200)
                .body("code", hasItems("zhongrui-property")).body("kind", everyItem(equalTo("PROPERTY_MANAGER")));
    }

    @Test
    void unknownOrganizationKindIsRefusedNamingTheParameter() {
        given().queryParam("kind", "BOSS").get("/api/organizations").then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("violations[0].field", equalTo("kind"));
    }

    // --- Categories ------------------------------------------------------------------------------

    @Test
    void categoriesCarryNamesDefaultPriorityAndSlaPerPriority() {
        JsonPath categories = given().get("/api/categories").then().statusCode(200).extract().jsonPath();

        List<Map<String, Object>> all = categories.getList("");
        assertThat(all).extracting("code", "nameZh", "nameEn", "defaultPriority").containsExactly(
                tuple("sewer-blockage", "下水堵塞", "Sewer blockage", "NORMAL"),
                tuple("sewage-overflow", "污水外溢", "Sewage overflow", "URGENT"),
                tuple("lift-outage", "电梯停运", "Lift out of service", "URGENT"),
                tuple("street-light", "路灯", "Street light", "NORMAL"),
                tuple("sanitation", "环境卫生", "Sanitation", "NORMAL"),
                tuple("property-dispute", "物业纠纷", "Property-management dispute", "LOW"),
                tuple("fire-hazard", "消防隐患", "Fire-safety hazard", "URGENT"));

        // Hours to dispatch and to resolve, for LOW, NORMAL and URGENT, as in the migration.
        assertSla(categories, "sewer-blockage", 24, 120, 4, 48, 2, 24);
        assertSla(categories, "sewage-overflow", 8, 72, 4, 24, 1, 12);
        assertSla(categories, "lift-outage", 24, 96, 4, 48, 1, 24);
        assertSla(categories, "street-light", 48, 168, 24, 72, 4, 48);
        assertSla(categories, "sanitation", 48, 168, 24, 72, 4, 24);
        assertSla(categories, "property-dispute", 72, 720, 48, 336, 24, 168);
        assertSla(categories, "fire-hazard", 8, 72, 2, 24, 1, 8);

        // Each target also comes as an amount and a unit: wall-clock hours unless a migration says otherwise (V25).
        assertThat(categories.<Map<String, Object>>getList("find { it.code == 'sewer-blockage' }.sla"))
                .extracting("toDispatch", "toResolve")
                .containsExactly(
                        tuple(Map.of("amount", 24, "unit", "HOURS"), Map.of("amount", 120, "unit", "HOURS")),
                        tuple(Map.of("amount", 4, "unit", "HOURS"), Map.of("amount", 48, "unit", "HOURS")),
                        tuple(Map.of("amount", 2, "unit", "HOURS"), Map.of("amount", 24, "unit", "HOURS")));
    }

    private static void assertSla(JsonPath categories, String code, int lowDispatch, int lowResolve,
            int normalDispatch, int normalResolve, int urgentDispatch, int urgentResolve) {
        List<Map<String, Object>> sla = categories.getList("find { it.code == '" + code + "' }.sla");
        assertThat(sla).as("SLA of %s", code)
                .extracting("priority", "hoursToDispatch", "hoursToResolve")
                .containsExactly(
                        tuple("LOW", lowDispatch, lowResolve),
                        tuple("NORMAL", normalDispatch, normalResolve),
                        tuple("URGENT", urgentDispatch, urgentResolve));
    }
}
