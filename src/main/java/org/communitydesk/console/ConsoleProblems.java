package org.communitydesk.console;

import jakarta.validation.ConstraintViolation;
import java.util.Set;
import org.communitydesk.common.InvalidRequestProblem;
import org.communitydesk.common.ProblemException;
import org.communitydesk.web.PageTexts;

/** Turns what the services refuse into a message key of the bundle, with what was wrong in the page's language
 * (never the service's English detail). */
final class ConsoleProblems {

    private ConsoleProblems() {
    }

    static Flash.Message of(ProblemException problem, PageTexts texts) {
        String key = switch (problem.type()) {
            case "illegal-transition" -> "flashIllegal";
            case "stale-version", "concurrent-change", "busy" -> "flashStale";
            case "validation", "invalid-request" -> "flashInvalid";
            case "forbidden" -> "flashForbidden";
            case "not-found" -> "flashNotFound";
            case "feedback-not-open", "feedback-already-given", "feedback-window-closed" -> "flashFeedbackRefused";
            default -> "flashFailed";
        };
        // The key says what happened in the page's language; only a field the service refused needs naming.
        String detail = problem instanceof InvalidRequestProblem invalid ? texts.describeFields(invalid.violations()) : null;
        return Flash.Message.failed(key, detail);
    }

    static Flash.Message of(Set<? extends ConstraintViolation<?>> violations, PageTexts texts) {
        return Flash.Message.failed("flashInvalid", texts.describe(violations));
    }
}
