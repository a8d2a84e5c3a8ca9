package org.communitydesk.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * GreenMail as a real SMTP server on a free local port, and the application's mailer pointed at it (not mocked),
 * with the e-mail channel switched on. The local receiver (robots, SMS) runs beside it in the same tests.
 */
public class LocalMailServer implements QuarkusTestResourceLifecycleManager {

    public static final String FROM = "desk@communitydesk.test";
    private static volatile GreenMail current;

    public static GreenMail current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        current = mail;
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(mail.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "communitydesk.notifications.email.from", FROM);
    }

    @Override
    public void stop() {
        if (current != null) {
            current.stop();
            current = null;
        }
    }
}
