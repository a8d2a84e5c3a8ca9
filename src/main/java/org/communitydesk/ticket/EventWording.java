package org.communitydesk.ticket;

import java.util.List;
import java.util.stream.Collectors;
import org.communitydesk.ticket.Ticket.AssignmentOrder;

/**
 * The text of the events the system writes itself. It is stored with the event and read by residents
 * (the status page, the public API, Open311), so it is in Chinese, the language of the community office,
 * whatever the language of the page that later shows it.
 */
final class EventWording {

    private EventWording() {
    }

    static String reported(Channel channel) {
        return channel(channel) + "受理";
    }

    static String furtherReport(int reportNumber, Channel channel, String note) {
        return "第 " + reportNumber + " 次反映（" + channel(channel) + "）" + (note == null ? "" : "：" + note);
    }

    static String assignments(List<AssignmentOrder> orders) {
        if (orders.isEmpty()) {
            return "无";
        }
        return orders.stream().map(o -> o.organization().nameZh + "（" + role(o.role()) + "）")
                .collect(Collectors.joining("、"));
    }

    static String resolved(String resolution, String rootCause) {
        return rootCause == null ? resolution : resolution + "（原因：" + rootCause + "）";
    }

    static String cancelled(CancelReason reason, String originalCode) {
        String text = switch (reason) {
            case DUPLICATE -> "重复工单";
            case WITHDRAWN -> "居民撤回";
            case OUT_OF_SCOPE -> "不属于受理范围";
            case INVALID -> "无效工单";
        };
        return originalCode == null ? text : text + "，同 " + originalCode;
    }

    static String feedback(int rating, boolean resolved, FeedbackSource source, String recordedBy) {
        String verdict = rating + " 分，" + (resolved ? "已解决" : "未解决");
        return source == FeedbackSource.FOLLOW_UP_CALL ? "回访（" + recordedBy + " 记录）：" + verdict
                : "居民评价：" + verdict;
    }

    static String positionFromPhoto(double latitude, double longitude) {
        return String.format(java.util.Locale.ROOT, "位置取自现场照片的定位：%.5f, %.5f", latitude, longitude);
    }

    static final String REOPENED_BY_RESIDENT = "居民反映问题未解决";

    static final String CLOSED_AUTOMATICALLY = "办结后 7 天内居民未反映问题未解决，系统自动办结";

    static final String ACCESS_CODE_REISSUED = "已发放新的查询码，原查询码作废";

    static final String MESSAGES_STOPPED = "居民在查询页面退订了短信通知";

    static final String ACCESS_BLOCKS_LIFTED = "已解除查询码锁定，所有地址可以重新查询";

    static final String PHOTO_ADDED = "添加了照片";

    private static String channel(Channel channel) {
        return switch (channel) {
            case PHONE -> "电话";
            case WALK_IN -> "来访";
            case HOTLINE_12345 -> "12345 热线";
            case WEB -> "网上";
            case OPEN311 -> "Open311";
        };
    }

    private static String role(AssignmentRole role) {
        return role == AssignmentRole.LEAD ? "牵头" : "配合";
    }
}
