package org.communitydesk.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a community or compound is, roughly: a centre in WGS84 degrees and a radius in metres that
 * covers the place. Coarse on purpose: it routes a report to the right office and is safe to publish.
 */
@Embeddable
public record Footprint(
        double latitude,
        double longitude,
        @Column(name = "radius_metres") int radiusMetres) {

    /** Mean earth radius; a sphere is good to a few metres over a city. */
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    /** Great-circle (haversine) distance from the centre to a point. */
    public double metresTo(double pointLatitude, double pointLongitude) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(pointLatitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(pointLongitude - longitude);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    public boolean covers(double pointLatitude, double pointLongitude) {
        return metresTo(pointLatitude, pointLongitude) <= radiusMetres;
    }
}
