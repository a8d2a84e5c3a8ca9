package org.communitydesk.notification;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.sms.v20210111.SmsClient;
import com.tencentcloudapi.sms.v20210111.models.SendSmsRequest;
import com.tencentcloudapi.sms.v20210111.models.SendSmsResponse;
import com.tencentcloudapi.sms.v20210111.models.SendStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.communitydesk.common.AppConfig;

/**
 * Text messages through Tencent Cloud SMS's official SDK (SendSms, API 2021-01-11). Chinese carriers take only
 * approved templates, so each kind of message names its template id and the parameters filled in (the tracking
 * code, the access code, the status link); the free text of the generic gateway is not sent. The idempotency key
 * goes as SessionContext, which the provider echoes in its receipts. Off until the credentials, app, signature and
 * at least one template are set; then it is used instead of the generic gateway.
 */
@ApplicationScoped
class TencentSms implements Sender {

    @Inject
    NotificationConfig config;

    @Inject
    AppConfig appConfig;

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public int preference() {
        return 1;
    }

    @Override
    public boolean configured() {
        NotificationConfig.Tencent tencent = config.sms().tencent();
        return tencent.secretId().isPresent() && tencent.secretKey().isPresent() && tencent.sdkAppId().isPresent()
                && tencent.signName().isPresent() && !tencent.templates().isEmpty();
    }

    @Override
    public void send(Outgoing message) throws DeliveryFailure {
        NotificationConfig.Tencent tencent = config.sms().tencent();
        String template = tencent.templates().get(message.kind());
        if (template == null) {
            throw new DeliveryFailure("No Tencent SMS template for '" + message.kind()
                    + "': set communitydesk.notifications.sms.tencent.templates." + message.kind() + ".");
        }
        SendSmsRequest request = new SendSmsRequest();
        request.setSmsSdkAppId(tencent.sdkAppId().orElseThrow());
        request.setSignName(tencent.signName().orElseThrow());
        request.setTemplateId(template);
        request.setTemplateParamSet(params(message, tencent).toArray(String[]::new));
        request.setPhoneNumberSet(new String[] {international(message.recipient())});
        request.setSessionContext(message.idempotencyKey());
        SendSmsResponse response;
        try {
            response = client(tencent).SendSms(request);
        } catch (TencentCloudSDKException e) {
            throw new DeliveryFailure("Tencent SMS refused the request: " + e.getErrorCode() + " " + e.getMessage()
                    + " (request " + e.getRequestId() + ")", e);
        }
        SendStatus[] statuses = response.getSendStatusSet();
        if (statuses == null || statuses.length == 0) {
            throw new DeliveryFailure("Tencent SMS answered without a send status (request " + response.getRequestId() + ")");
        }
        if (!"Ok".equalsIgnoreCase(statuses[0].getCode())) {
            throw new DeliveryFailure("Tencent SMS did not send: " + statuses[0].getCode() + " " + statuses[0].getMessage()
                    + " (request " + response.getRequestId() + ")");
        }
    }

    private SmsClient client(NotificationConfig.Tencent tencent) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(tencent.endpoint());
        http.setProtocol(tencent.https() ? HttpProfile.REQ_HTTPS : HttpProfile.REQ_HTTP);
        int seconds = (int) Math.max(1, config.httpTimeout().toSeconds());
        http.setConnTimeout(seconds);
        http.setReadTimeout(seconds);
        http.setWriteTimeout(seconds);
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return new SmsClient(new Credential(tencent.secretId().orElseThrow(), tencent.secretKey().orElseThrow()),
                tencent.region(), profile);
    }

    private List<String> params(Outgoing message, NotificationConfig.Tencent tencent) throws DeliveryFailure {
        String names = tencent.params().getOrDefault(message.kind(),
                "resident-logged".equals(message.kind()) ? "code,accessCode,link" : "code,link");
        List<String> values = new ArrayList<>();
        for (String name : names.split(",")) {
            switch (name.strip()) {
                case "code" -> values.add(message.ticketCode());
                case "accessCode" -> values.add(message.accessCode() == null ? "******" : message.accessCode());
                case "link" -> values.add(base() + "/status?code=" + message.ticketCode());
                default -> throw new DeliveryFailure("Unknown template parameter '" + name.strip() + "' in "
                        + "communitydesk.notifications.sms.tencent.params." + message.kind() + " (code, accessCode, link).");
            }
        }
        return values;
    }

    private String base() {
        String base = appConfig.publicBaseUrl().map(URI::toString).orElse("http://localhost:8080");
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Tencent wants E.164; a mainland mobile number is given +86. */
    static String international(String phone) {
        String digits = phone.strip();
        return digits.startsWith("+") ? digits : digits.matches("1\\d{10}") ? "+86" + digits : digits;
    }
}
