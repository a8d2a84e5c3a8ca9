package org.communitydesk.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: zero-based {@code page}, the {@code size} used, and the {@code total} across all pages
 * (a lower bound where a list says so: the ticket list's text search stops counting after 1000).
 */
public record PageResponse<T>(List<T> items, int page, int size,
        @Schema(description = "How many items all pages hold. The ticket list's text search (`q`) counts up to 1000 "
                + "and answers 1001 when there are more.") long total) {
}
