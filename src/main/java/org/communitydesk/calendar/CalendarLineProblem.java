package org.communitydesk.calendar;

import java.util.Map;
import org.communitydesk.common.InvalidRequestProblem;

/** 400 for a calendar file with a bad line: the detail and the extension member "line" name it. */
final class CalendarLineProblem extends InvalidRequestProblem {

    private final int line;

    CalendarLineProblem(int line, String message) {
        super("file", "Line " + line + ": " + message + " Nothing was imported.");
        this.line = line;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("violations", violations(), "line", line);
    }
}
