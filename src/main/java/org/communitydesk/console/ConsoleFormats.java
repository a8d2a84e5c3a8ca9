package org.communitydesk.console;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.communitydesk.ticket.TicketViews.Ref;
import org.communitydesk.web.DurationText;
import org.communitydesk.web.Language;

/** Display logic for console pages. */
@TemplateExtension
public class ConsoleFormats {

    private ConsoleFormats() {
    }

    /** {@code {ticket.category.label}}: the name in the page's language. */
    static String label(Ref ref, @TemplateAttribute("locale") Object locale) {
        if (ref == null) {
            return "";
        }
        return Language.of(locale) == Language.EN && ref.nameEn() != null && !ref.nameEn().isBlank()
                ? ref.nameEn() : ref.nameZh();
    }

    /** {@code {seconds.duration}}: "2 小时 30 分" or "2 h 30 min"; days from 48 hours on. */
    static String duration(Long seconds, @TemplateAttribute("locale") Object locale) {
        return DurationText.of(seconds, Language.of(locale));
    }
}
