package org.communitydesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calendar file format as a plain parser. */
class CalendarCsvTest {

    @Test
    void readsDaysWithOrWithoutHeaderCommentsBlankLinesAndQuotes() {
        List<CalendarCsv.Entry> entries = CalendarCsv.parse("\uFEFFdate,kind,name\r\n"
                + "# made up for this test\r\n"
                + "\r\n"
                + "2031-10-01,HOLIDAY,国庆节\r\n"
                + "2031-10-11,makeup_workday,\r\n"
                + "2031-10-02, holiday , \"Golden week, day \"\"two\"\"\"\n"
                + "2031-10-03,HOLIDAY,names may, hold commas\n"
                + "2031-10-06,HOLIDAY\n");
        assertThat(entries).extracting(CalendarCsv.Entry::line, CalendarCsv.Entry::date, CalendarCsv.Entry::kind,
                CalendarCsv.Entry::name).containsExactly(
                        tuple(4, LocalDate.parse("2031-10-01"), DayKind.HOLIDAY, "国庆节"),
                        tuple(5, LocalDate.parse("2031-10-11"), DayKind.MAKEUP_WORKDAY, null),
                        tuple(6, LocalDate.parse("2031-10-02"), DayKind.HOLIDAY, "Golden week, day \"two\""),
                        tuple(7, LocalDate.parse("2031-10-03"), DayKind.HOLIDAY, "names may, hold commas"),
                        tuple(8, LocalDate.parse("2031-10-06"), DayKind.HOLIDAY, null));
        assertThat(CalendarCsv.parse("2031-10-01,HOLIDAY,x")).hasSize(1);
        assertThat(CalendarCsv.parse("")).isEmpty();
    }

    @ParameterizedTest(name = "line {1} of ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "2031-10-01,HOLIDAY,a\\n2031-02-30,HOLIDAY,b                | 2 | not a date",
            "date,kind,name\\n2031-10-01                              | 2 | expected date,kind,name",
            "# c\\n2031-10-01,DAY_OFF,x                                 | 2 | use HOLIDAY or MAKEUP_WORKDAY",
            "2031-10-01,HOLIDAY,a\\n\\n2031-10-01,HOLIDAY,b              | 3 | already on line 1",
            "2031-10-08,MAKEUP_WORKDAY,a                               | 1 | MAKEUP_WORKDAY is for a Saturday or Sunday",
            "2031-10-01,HOLIDAY,\"unclosed                              | 1 | does not close",
            "2031-10-01,HOLIDAY,\"a\"b\"                                | 1 | must be doubled",
            "01/10/2031,HOLIDAY,a                                      | 1 | not a date",
            "2031-10-01,HOLIDAY,a\\ndate,kind,name                      | 2 | not a date",
    })
    void aBadLineIsNamed(String text, int line, String message) {
        assertThatThrownBy(() -> CalendarCsv.parse(text.strip().replace("\\n", "\n")))
                .isInstanceOfSatisfying(CalendarCsv.BadLine.class, bad -> assertThat(bad.line()).isEqualTo(line))
                .hasMessageContaining(message);
    }

    @Test
    void namesHaveALimit() {
        assertThat(CalendarCsv.parse("2031-10-01,HOLIDAY," + "节".repeat(100))).hasSize(1);
        assertThatThrownBy(() -> CalendarCsv.parse("2031-10-01,HOLIDAY," + "节".repeat(101)))
                .hasMessageContaining("more than 100");
    }

    /** The example shipped beside the code stays importable (CalendarResourceTest imports it through the API). */
    @Test
    void theExampleFileIsValid() throws IOException {
        try (InputStream in = CalendarCsvTest.class.getResourceAsStream("/calendar/example-calendar.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("EXAMPLE ONLY").contains("NOT an official holiday schedule");
            List<CalendarCsv.Entry> entries = CalendarCsv.parse(text);
            assertThat(entries).hasSize(13).allSatisfy(e -> assertThat(e.date().getYear()).isEqualTo(2031));
            assertThat(entries).filteredOn(e -> e.kind() == DayKind.MAKEUP_WORKDAY).hasSize(3);
        }
    }
}
