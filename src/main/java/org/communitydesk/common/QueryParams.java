package org.communitydesk.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Query parameters read from text, so that a bad value answers 400 naming the parameter;
 * JAX-RS answers 404 when it cannot convert a query parameter itself.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The enum constant named by {@code value} (any case), or null when the parameter is absent. */
    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestProblem(field, "Unknown " + field + " '" + value.strip() + "'; use one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    /** A whole number of at least {@code min}, or {@code fallback} when the parameter is absent. */
    public static int integer(String field, String value, int fallback, int min) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < min) {
                throw new InvalidRequestProblem(field, field + " must be at least " + min + ".");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidRequestProblem(field, field + " must be a whole number.");
        }
    }

    /** true or false, in any case. */
    public static boolean bool(String field, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestProblem(field, field + " must be true or false.");
        };
    }
}
