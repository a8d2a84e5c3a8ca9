package org.communitydesk.console;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import org.communitydesk.ticket.TicketViews.Ref;
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
        if (seconds == null) {
            return "—";
        }
        boolean english = Language.of(locale) == Language.EN;
        long minutes = seconds / 60;
        long hours = minutes / 60;
        if (hours >= 48) {
            long days = hours / 24;
            return english ? days + " d " + hours % 24 + " h" : days + " 天 " + hours % 24 + " 小时";
        }
        if (hours > 0) {
            return english ? hours + " h " + minutes % 60 + " min" : hours + " 小时 " + minutes % 60 + " 分";
        }
        return english ? minutes + " min" : minutes + " 分钟";
    }
}
