package org.communitydesk.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * E-mail to supervisors and contractors (users with an address), through Quarkus Mailer over SMTP. Off until
 * {@code communitydesk.notifications.email.from} is set. The idempotency key makes the Message-ID, by which mail
 * systems drop a repeat.
 */
@ApplicationScoped
class EmailSender implements Sender {

    @Inject
    NotificationConfig config;

    @Inject
    Mailer mailer;

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public boolean configured() {
        return config.email().from().isPresent();
    }

    @Override
    public void send(Outgoing message) throws DeliveryFailure {
        Mail mail = Mail.withText(message.recipient(), subject(message.text()), message.text())
                .setFrom(config.email().from().orElseThrow())
                .addHeader("Message-ID", "<" + message.idempotencyKey().replace('/', '.') + "@communitydesk>")
                .addHeader("X-Idempotency-Key", message.idempotencyKey());
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            throw new DeliveryFailure("The SMTP server refused or could not be reached: " + rootMessage(e), e);
        }
    }

    /** The text's first clause ("【超期】工单 T-1（…" gives "【超期】工单 T-1"), at most 80 characters. */
    static String subject(String text) {
        int end = text.length();
        for (String stop : new String[] {"（", "：", "。", " (", ": ", ". "}) {
            int at = text.indexOf(stop);
            if (at > 4 && at < end) {
                end = at;
            }
        }
        String subject = text.substring(0, Math.min(end, 80));
        return subject.isBlank() ? "CommunityDesk" : subject;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
