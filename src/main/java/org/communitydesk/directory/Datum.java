package org.communitydesk.directory;

/**
 * The datums a position may come in. CommunityDesk stores and publishes WGS-84 only (GPS, browser
 * geolocation, Tianditu's CGCS2000 within a metre, Open311); GCJ-02 (AMap, Tencent, WeChat's
 * {@code gcj02}) and BD-09 (Baidu) are converted at the edge where such a map, geocoder or client
 * meets our data. At Datong GCJ-02 lies about 610 m from WGS-84, more than a compound's radius.
 *
 * <p>The GCJ-02 offset is the published algorithm (Krasovsky 1940 ellipsoid) as found in open-source
 * implementations such as googollee/eviltransform and wandergis/coordtransform; BD-09 is Baidu's
 * published shift of GCJ-02. The inverses are iterative, accurate far below half a metre.
 */
public enum Datum {
    WGS84,
    GCJ02,
    BD09;

    /** A position in degrees. */
    public record Position(double latitude, double longitude) {
    }

    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;
    private static final double BD_X_PI = Math.PI * 3000.0 / 180.0;
    /** Inverse iterations stop below this change, in degrees (about a millimetre). */
    private static final double CONVERGED = 1e-9;
    private static final int MAX_ITERATIONS = 30;

    /** The position, given in this datum, in WGS-84. */
    public Position toWgs84(double latitude, double longitude) {
        return switch (this) {
            case WGS84 -> new Position(latitude, longitude);
            case GCJ02 -> gcjToWgs(new Position(latitude, longitude));
            case BD09 -> gcjToWgs(bdToGcj(new Position(latitude, longitude)));
        };
    }

    /** A WGS-84 position in this datum. */
    public Position fromWgs84(double latitude, double longitude) {
        Position wgs = new Position(latitude, longitude);
        return switch (this) {
            case WGS84 -> wgs;
            case GCJ02 -> wgsToGcj(wgs);
            case BD09 -> gcjToBd(wgsToGcj(wgs));
        };
    }

    /** GCJ-02 applies only inside China's bounding box; outside it equals WGS-84. */
    static boolean outsideChina(Position p) {
        return p.longitude() < 72.004 || p.longitude() > 137.8347 || p.latitude() < 0.8293 || p.latitude() > 55.8271;
    }

    static Position wgsToGcj(Position wgs) {
        if (outsideChina(wgs)) {
            return wgs;
        }
        double x = wgs.longitude() - 105.0;
        double y = wgs.latitude() - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
                + (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
                + (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0
                + (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
                + (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = Math.toRadians(wgs.latitude());
        double magic = 1 - KRASOVSKY_EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new Position(wgs.latitude() + dLat, wgs.longitude() + dLon);
    }

    /** The WGS-84 position whose GCJ-02 image is {@code gcj}, by fixed-point iteration on the forward map. */
    static Position gcjToWgs(Position gcj) {
        if (outsideChina(gcj)) {
            return gcj;
        }
        Position wgs = gcj;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            Position image = wgsToGcj(wgs);
            double dLat = gcj.latitude() - image.latitude();
            double dLon = gcj.longitude() - image.longitude();
            wgs = new Position(wgs.latitude() + dLat, wgs.longitude() + dLon);
            if (Math.abs(dLat) < CONVERGED && Math.abs(dLon) < CONVERGED) {
                break;
            }
        }
        return wgs;
    }

    static Position gcjToBd(Position gcj) {
        double x = gcj.longitude();
        double y = gcj.latitude();
        double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * BD_X_PI);
        double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * BD_X_PI);
        return new Position(z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065);
    }

    /** The GCJ-02 position whose BD-09 image is {@code bd}; Baidu's closed form refined by iteration. */
    static Position bdToGcj(Position bd) {
        double x = bd.longitude() - 0.0065;
        double y = bd.latitude() - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
        Position gcj = new Position(z * Math.sin(theta), z * Math.cos(theta));
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            Position image = gcjToBd(gcj);
            double dLat = bd.latitude() - image.latitude();
            double dLon = bd.longitude() - image.longitude();
            gcj = new Position(gcj.latitude() + dLat, gcj.longitude() + dLon);
            if (Math.abs(dLat) < CONVERGED && Math.abs(dLon) < CONVERGED) {
                break;
            }
        }
        return gcj;
    }
}
