package org.communitydesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 21, point 2: the tile host from the settings, and nothing more, joins the policy's img-src. */
class MapSourcesTest {

    @Test
    void aSubdomainTemplateBecomesAWildcardHost() {
        assertThat(SecurityHeaders.tileSources(Optional.of(
                "https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}")))
                .isEqualTo("https://*.tianditu.gov.cn");
        assertThat(SecurityHeaders.tileSources(Optional.of("https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}")))
                .isEqualTo("https://*.is.autonavi.com");
        assertThat(SecurityHeaders.tileSources(Optional.of("http://tiles.example.org:8080/{z}/{x}/{y}.png")))
                .isEqualTo("http://tiles.example.org:8080");
    }

    @Test
    void relativeOffOrOddTemplatesAddNothing() {
        assertThat(SecurityHeaders.tileSources(Optional.of("/test-tiles/{z}/{x}/{y}.png"))).isEmpty();
        assertThat(SecurityHeaders.tileSources(Optional.of("none"))).isEmpty();
        assertThat(SecurityHeaders.tileSources(Optional.empty())).isEmpty();
        assertThat(SecurityHeaders.tileSources(Optional.of("https://{s}/x"))).isEmpty();
        assertThat(SecurityHeaders.tileSources(Optional.of("javascript:alert(1)"))).isEmpty();
        assertThat(SecurityHeaders.tileSources(Optional.of("https://a.example.org;script-src */{z}"))).isEmpty();
    }

    @Test
    void onlyImagesGainTheHost() {
        String policy = SecurityHeaders.policy("https://*.tianditu.gov.cn", "https://*.tianditu.gov.cn", "");
        assertThat(policy).contains("img-src 'self' data: https://*.tianditu.gov.cn;")
                .contains("script-src 'self';", "style-src 'self';").doesNotContain("tianditu.gov.cn https");
        assertThat(SecurityHeaders.policy("", "")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
    }
}
