package org.communitydesk.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The import format of the working calendar: UTF-8 text, one day a line, {@code date,kind,name}.
 * <ul>
 * <li>date: yyyy-MM-dd; kind: HOLIDAY or MAKEUP_WORKDAY (any case); name: free text up to 100 characters, may be
 * empty, may hold commas, may be in double quotes ("" for a quote).</li>
 * <li>A first line {@code date,kind,name} is a header and skipped; so are empty lines and lines starting with #.</li>
 * <li>A date may appear once per file; a MAKEUP_WORKDAY must be a Saturday or Sunday.</li>
 * </ul>
 * A line that breaks a rule stops the import: nothing is stored, and the answer names the line.
 */
public final class CalendarCsv {

    public static final int MAX_NAME = 100;

    /** One day of the file, with the line it came from. */
    public record Entry(int line, LocalDate date, DayKind kind, String name) {
    }

    /** A line that breaks the format; {@code line} counts from 1, as editors do. */
    public static final class BadLine extends RuntimeException {
        private final int line;

        BadLine(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private CalendarCsv() {
    }

    public static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || (entries.isEmpty() && isHeader(trimmed))) {
                continue;
            }
            Entry entry = entry(number, trimmed);
            Integer earlier = seen.putIfAbsent(entry.date(), number);
            if (earlier != null) {
                throw new BadLine(number, entry.date() + " is already on line " + earlier + "; a date may appear once.");
            }
            entries.add(entry);
        }
        return entries;
    }

    private static boolean isHeader(String line) {
        return line.toLowerCase(Locale.ROOT).replace(" ", "").startsWith("date,kind");
    }

    private static Entry entry(int number, String line) {
        String[] fields = line.split(",", 3);
        if (fields.length < 2) {
            throw new BadLine(number, "expected date,kind,name (such as 2031-10-01,HOLIDAY,国庆节), found '" + clip(line) + "'.");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(fields[0].strip());
        } catch (DateTimeParseException e) {
            throw new BadLine(number, "'" + clip(fields[0].strip()) + "' is not a date like 2031-10-01.");
        }
        DayKind kind;
        try {
            kind = DayKind.valueOf(fields[1].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadLine(number, "'" + clip(fields[1].strip()) + "' is not a kind; use HOLIDAY or MAKEUP_WORKDAY.");
        }
        String name = fields.length == 3 ? unquote(number, fields[2].strip()) : null;
        try {
            return new Entry(number, date, kind, checkedName(date, kind, name));
        } catch (IllegalArgumentException e) {
            throw new BadLine(number, e.getMessage());
        }
    }

    /** The rules every day obeys, from a file or from the API: a stripped name within its limit, makeup days on weekends. */
    static String checkedName(LocalDate date, DayKind kind, String name) {
        if (kind == DayKind.MAKEUP_WORKDAY && !WorkingClock.isWeekend(date)) {
            throw new IllegalArgumentException(date + " is a " + date.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
                    + ", a working day already; MAKEUP_WORKDAY is for a Saturday or Sunday.");
        }
        String stripped = name == null || name.isBlank() ? null : name.strip();
        if (stripped != null && stripped.codePointCount(0, stripped.length()) > MAX_NAME) {
            throw new IllegalArgumentException("the name has more than " + MAX_NAME + " characters.");
        }
        if (stripped != null && stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the name holds a control character.");
        }
        return stripped;
    }

    private static String unquote(int number, String field) {
        if (!field.startsWith("\"")) {
            return field;
        }
        if (field.length() < 2 || !field.endsWith("\"")) {
            throw new BadLine(number, "the name opens a quote it does not close.");
        }
        String inner = field.substring(1, field.length() - 1);
        if (inner.replace("\"\"", "").contains("\"")) {
            throw new BadLine(number, "a quote inside a quoted name must be doubled (\"\").");
        }
        return inner.replace("\"\"", "\"");
    }

    private static String clip(String text) {
        String plain = text.replaceAll("\\p{Cntrl}", " ");
        return plain.length() > 40 ? plain.substring(0, 40) + "…" : plain;
    }
}
