package org.communitydesk.common;

import java.util.List;

/** One page of a list: zero-based {@code page}, the {@code size} used, and the {@code total} across all pages. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
