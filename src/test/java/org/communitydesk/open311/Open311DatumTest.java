package org.communitydesk.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.communitydesk.open311.Open311Api.created;
import static org.communitydesk.open311.Open311Api.form;
import static org.communitydesk.open311.Open311Api.issueKey;
import static org.communitydesk.open311.Open311Api.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.directory.Datum;
import org.communitydesk.directory.Datum.Position;
import org.communitydesk.open311.Open311Api.Key;
import org.communitydesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, point 1: Open311 POST takes an optional coord_type. A phone app built on AMap or WeChat sends
 * GCJ-02, which at Datong lies about 610 m from the WGS-84 that GeoReport v2 assumes.
 */
@QuarkusTest
class Open311DatumTest {

    /** 宏安小区's centre as AMap shows it. */
    private static final Position HONGAN_GCJ02 = Datum.GCJ02.fromWgs84(40.0912, 113.3288);

    private Map<String, String> at(Position position, String coordType) {
        Key key = issueKey("坐标系 " + UUID.randomUUID(), false);
        Map<String, String> form = form(key, "宏安小区污水井冒水");
        form.put("lat", Double.toString(position.latitude()));
        form.put("long", Double.toString(position.longitude()));
        if (coordType != null) {
            form.put("coord_type", coordType);
        }
        return form;
    }

    @Test
    void aGcj02PositionAtHonganLandsInBeixinyuanAndIsStoredInWgs84() {
        String code = created(post("json", at(HONGAN_GCJ02, "gcj02")));

        JsonPath ticket = TicketApi.get(code).then().statusCode(200).extract().jsonPath();
        assertThat(ticket.getString("location.community.code")).isEqualTo("beixinyuan");
        assertThat(ticket.getString("location.site.code")).isEqualTo("hongan");
        assertThat(ticket.getDouble("location.latitude")).isCloseTo(40.0912, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(ticket.getDouble("location.longitude")).isCloseTo(113.3288, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aBd09PositionIsConvertedToo() {
        Position bd = Datum.BD09.fromWgs84(40.0912, 113.3288);

        String code = created(post("json", at(bd, "BD09")));

        assertThat(TicketApi.get(code).jsonPath().getString("location.site.code")).isEqualTo("hongan");
    }

    @Test
    void withoutCoordTypeTheSameNumbersAreWgs84AndFallOutsideEveryCommunity() {
        Response answer = post("json", at(HONGAN_GCJ02, null));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("[0].description")).contains("lat/long");
    }

    @Test
    void anUnknownCoordTypeIsAnErrorInTheSpecsFormat() {
        Response answer = post("xml", at(HONGAN_GCJ02, "baidu"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.asString()).contains("<description>coord_type must be wgs84 (the default), gcj02 or bd09.</description>");
    }
}
