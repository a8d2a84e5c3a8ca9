package org.communitydesk.map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Where the pages' maps take their tiles from (README, Maps). Tianditu by default; without a key for it, or with
 * {@code tiles=none}, the maps draw the footprints on a plain background and the dashboard keeps its SVG drawing,
 * so nothing needs a network. The same property is read by web.SecurityHeaders to allow the tile host.
 */
@ConfigMapping(prefix = "communitydesk.map")
public interface MapSettings {

    /** Leaflet URL template ({s}, {z}, {x}, {y}; {key} is filled in from {@link #key()}); "none" switches tiles off. */
    Optional<String> tiles();

    /** A second, transparent layer of place names (Tianditu's vector tiles carry none); "none" for no such layer. */
    Optional<String> labels();

    /** The letters that replace {s}: Tianditu spreads its tiles over t0 to t7. */
    @WithDefault("01234567")
    String subdomains();

    /** The provider's browser key (Tianditu's {@code tk}); it is public in every tile URL anyway. */
    Optional<String> key();

    /** The datum of the tiles: Tianditu is WGS-84 (CGCS2000, within a metre); AMap and Tencent are GCJ-02. */
    @WithDefault("wgs84")
    TileDatum datum();

    /** Shown on the map; where the provider requires it, with its 审图号 (map approval number). */
    @WithDefault("天地图 Tianditu")
    String attribution();

    @WithDefault("18")
    int maxZoom();

    enum TileDatum {
        WGS84,
        GCJ02
    }
}
