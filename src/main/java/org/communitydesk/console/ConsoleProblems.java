package org.communitydesk.console;

import jakarta.validation.ConstraintViolation;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.communitydesk.common.ProblemException;

/** Turns what the services refuse into a message key of the bundle, with the service's detail below it. */
final class ConsoleProblems {

    private ConsoleProblems() {
    }

    static Flash.Message of(ProblemException problem) {
        String key = switch (problem.type()) {
            case "illegal-transition" -> "flashIllegal";
            case "stale-version", "concurrent-change", "busy" -> "flashStale";
            case "validation", "invalid-request" -> "flashInvalid";
            case "forbidden" -> "flashForbidden";
            case "not-found" -> "flashNotFound";
            case "feedback-not-open", "feedback-already-given", "feedback-window-closed" -> "flashFeedbackRefused";
            default -> "flashFailed";
        };
        return Flash.Message.failed(key, problem.detail());
    }

    static Flash.Message of(Set<? extends ConstraintViolation<?>> violations) {
        return Flash.Message.failed("flashInvalid", describe(violations));
    }

    static String describe(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; "));
    }
}
