package org.communitydesk.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import java.time.Instant;
import java.time.ZoneId;
import org.communitydesk.common.AppConfig;

/**
 * Display logic for templates. Times are UTC instants everywhere else; a page shows them in the
 * installation's zone ({@code communitydesk.zone}, Asia/Shanghai by default) in the page's language.
 */
@TemplateExtension
class PageFormats {

    private static volatile ZoneId zone;

    private PageFormats() {
    }

    /** {@code {ticket.reportedAt.local}}: "2026年11月28日 14:05" or "28 Nov 2026, 14:05". */
    static String local(Instant instant, @TemplateAttribute("locale") Object locale) {
        return Language.of(locale).dateTime().format(instant.atZone(zone()));
    }

    /** {@code {ticket.dueAt.localInput}}: the value of a datetime-local field, "2026-11-28T14:05", in the zone. */
    static String localInput(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(instant.atZone(zone()));
    }

    /** {@code {ticket.category.label}}: the name in the page's language; Chinese if there is no English one. */
    static String label(Bilingual name, @TemplateAttribute("locale") Object locale) {
        return Language.of(locale) == Language.EN && name.en() != null && !name.en().isBlank() ? name.en() : name.zh();
    }

    private static ZoneId zone() {
        // Template extensions are static; the zone is read from the configuration once, on first use.
        if (zone == null) {
            zone = ZoneId.of(Arc.container().instance(AppConfig.class).get().zone());
        }
        return zone;
    }
}
