package org.communitydesk.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The local receiver playing Tencent Cloud's SMS API at {@code /}: the application's Tencent SDK channel is pointed
 * at it over plain HTTP (the SDK's endpoint override), with made-up credentials and templates.
 */
public class LocalTencentSms extends LocalReceiver {

    public static final String SECRET_ID = "AKIDtest0000000000000000000000000000";
    public static final String APP_ID = "1400000001";
    public static final String SIGN = "北馨园社区";
    public static final String LOGGED_TEMPLATE = "100001";
    public static final String DISPATCHED_TEMPLATE = "100002";

    /** SendSms's answer when the message was taken. */
    public static String ok(String phone) {
        return "{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"2028:1\",\"PhoneNumber\":\"" + phone + "\",\"Fee\":1,"
                + "\"SessionContext\":\"\",\"Code\":\"Ok\",\"Message\":\"send success\",\"IsoCode\":\"CN\"}],"
                + "\"RequestId\":\"a0aabda6-cf91-4f3e-a81f-9198114a2279\"}}";
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String hostAndPort = url("").substring("http://".length());
        config.put("communitydesk.notifications.sms.tencent.secret-id", SECRET_ID);
        config.put("communitydesk.notifications.sms.tencent.secret-key", "test-secret-key");
        config.put("communitydesk.notifications.sms.tencent.sdk-app-id", APP_ID);
        config.put("communitydesk.notifications.sms.tencent.sign-name", SIGN);
        config.put("communitydesk.notifications.sms.tencent.endpoint", hostAndPort);
        config.put("communitydesk.notifications.sms.tencent.https", "false");
        config.put("communitydesk.notifications.sms.tencent.templates.resident-logged", LOGGED_TEMPLATE);
        config.put("communitydesk.notifications.sms.tencent.templates.resident-dispatched", DISPATCHED_TEMPLATE);
        answer("/", 200, ok("+8613900000000"));
        return config;
    }
}
