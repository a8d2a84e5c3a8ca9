package org.communitydesk.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.communitydesk.common.LogSafe;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, point 7: a client cannot write a line of its own into our log (CR/LF in a path or a user name),
 * and such a path is an ordinary unknown ticket, not a 500.
 */
@QuarkusTest
class LogInjectionTest {

    private final Capture log = new Capture();

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(log);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(log);
    }

    @Test
    void aCrLfInATicketCodeOfAConsoleFormIsAnUnknownTicketAndNeverALogLine() {
        FlashAndCsrfTest.Browser admin = FlashAndCsrfTest.Browser.open(io.restassured.RestAssured::given);

        Response answer = given().urlEncodingEnabled(false).cookie(ConsoleSession.COOKIE, admin.sessionId())
                .redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(admin.withToken(Map.of("text", "x", "visibility", "INTERNAL")))
                .when().post("/console/tickets/x%0d%0aFORGED/notes");

        assertThat(answer.statusCode()).isEqualTo(303);
        // The code goes back into the redirect encoded, never as a raw line break in a header.
        assertThat(answer.header("Location")).endsWith("/console/tickets/x%0D%0AFORGED");
        String page = given().urlEncodingEnabled(false).when().get(answer.header("Location").replaceFirst("^https?://[^/]+", ""))
                .then().statusCode(404).extract().asString();
        assertThat(page).contains("x\r\nFORGED");
        assertNoForgedLine();
    }

    @Test
    void aCrLfInAUserNameNeverStartsALogLine() {
        // Enough failures from one address that the sign-in limit logs a warning naming the last user name.
        String address = "10.66." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        for (int i = 0; i < 30; i++) {
            given().auth().preemptive().basic("nobody\r\nFORGED line " + i, "wrong").header("X-Forwarded-For", address)
                    .when().get("/api/me").then().statusCode(401);
        }
        assertThat(log.lines).anySatisfy(line -> assertThat(line).contains("Sign-ins from " + address)
                .contains("nobody\\r\\nFORGED line 29"));
        assertNoForgedLine();
    }

    @Test
    void theHelperEscapesEveryLineBreak() {
        assertThat(LogSafe.of("a\r\nb\u2028c\u0085d\u001b[31me\tf")).isEqualTo("a\\r\\nb\\u2028c\\u0085d\\u001b[31me\\tf");
        assertThat(LogSafe.of("北馨园 CD-2026-000001")).isEqualTo("北馨园 CD-2026-000001");
        assertThat(LogSafe.of(null)).isEqualTo("null");
    }

    private void assertNoForgedLine() {
        for (String line : log.lines) {
            assertThat(line).doesNotContain("\rFORGED").doesNotContain("\nFORGED");
        }
    }

    /** Every log record while a test runs, formatted as the handler would write it. */
    static final class Capture extends Handler {

        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringWriter trace = new StringWriter();
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(trace));
            }
            lines.add(message + " " + trace);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
