package org.communitydesk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.communitydesk.directory.Datum.Position;
import org.junit.jupiter.api.Test;

/** Issue 21, point 1: the conversions between WGS-84, GCJ-02 and BD-09, as plain objects. */
class DatumTest {

    /** 宏安小区's centre (V6), WGS-84. */
    private static final Position HONGAN = new Position(40.0912, 113.3288);

    @Test
    void atDatongGcj02LiesAbout610MetresEastAndALittleNorthOfWgs84() {
        Position gcj = Datum.GCJ02.fromWgs84(HONGAN.latitude(), HONGAN.longitude());

        double metres = metres(HONGAN, gcj);
        double east = metres(HONGAN, new Position(HONGAN.latitude(), gcj.longitude()));
        double north = metres(HONGAN, new Position(gcj.latitude(), HONGAN.longitude()));
        assertThat(metres).isBetween(580.0, 640.0);
        assertThat(gcj.longitude()).isGreaterThan(HONGAN.longitude());
        assertThat(east).isBetween(570.0, 630.0);
        assertThat(gcj.latitude()).isGreaterThan(HONGAN.latitude());
        assertThat(north).isBetween(100.0, 170.0);
    }

    @Test
    void aGcj02PointAtHonganTakenAsWgs84FallsOutsideBeixinyuansFootprint() {
        Footprint beixinyuan = new Footprint(40.0905, 113.3300, 500);
        Position gcj = Datum.GCJ02.fromWgs84(HONGAN.latitude(), HONGAN.longitude());

        assertThat(beixinyuan.covers(HONGAN.latitude(), HONGAN.longitude())).isTrue();
        assertThat(beixinyuan.covers(gcj.latitude(), gcj.longitude())).isFalse();
        Position back = Datum.GCJ02.toWgs84(gcj.latitude(), gcj.longitude());
        assertThat(beixinyuan.covers(back.latitude(), back.longitude())).isTrue();
    }

    @Test
    void roundTripsAcrossChinaStayWithinACentimetre() {
        double worst = 0;
        for (double lat = 18.5; lat <= 53.5; lat += 0.7) {
            for (double lon = 74.0; lon <= 135.0; lon += 0.9) {
                for (Datum datum : Datum.values()) {
                    Position there = datum.fromWgs84(lat, lon);
                    Position back = datum.toWgs84(there.latitude(), there.longitude());
                    worst = Math.max(worst, metres(new Position(lat, lon), back));
                }
            }
        }
        assertThat(worst).isLessThan(0.01);
    }

    @Test
    void bd09IsGcj02ShiftedByBaidusOffset() {
        Position gcj = Datum.GCJ02.fromWgs84(HONGAN.latitude(), HONGAN.longitude());
        Position bd = Datum.BD09.fromWgs84(HONGAN.latitude(), HONGAN.longitude());

        // Baidu's shift is about 0.0065° east and 0.006° north of GCJ-02, some 700–800 m.
        assertThat(bd.longitude() - gcj.longitude()).isBetween(0.005, 0.008);
        assertThat(bd.latitude() - gcj.latitude()).isBetween(0.004, 0.008);
    }

    @Test
    void outsideChinaEveryDatumIsWgs84() {
        Position tokyo = new Position(35.6812, 139.7671);
        assertThat(Datum.GCJ02.fromWgs84(tokyo.latitude(), tokyo.longitude())).isEqualTo(tokyo);
        assertThat(Datum.GCJ02.toWgs84(tokyo.latitude(), tokyo.longitude())).isEqualTo(tokyo);
        assertThat(Datum.WGS84.toWgs84(HONGAN.latitude(), HONGAN.longitude())).isEqualTo(HONGAN);
    }

    private static double metres(Position a, Position b) {
        return new Footprint(a.latitude(), a.longitude(), 0).metresTo(b.latitude(), b.longitude());
    }
}
