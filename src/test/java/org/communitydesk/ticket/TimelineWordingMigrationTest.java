package org.communitydesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.communitydesk.support.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * V23 on a database of before: the timeline sentences that ticket.EventWording used to store in Chinese become
 * a wording and its parameters, people's words staying in the note; what no pattern matches stays as stored.
 * The same SQL runs on H2 and, with {@code -Ppostgresql}, on a fresh PostgreSQL database.
 */
class TimelineWordingMigrationTest {

    private static final boolean POSTGRES = System.getProperty("quarkus.test.profile", "test").contains("postgresql");

    private String url;
    private String user = "sa";
    private String database;

    @BeforeEach
    void databaseAtV22() {
        // Flyway's PostgreSQL plugin is not on the test class path (Quarkus adds it to the app only): TODO add
        // org.flywaydb:flyway-database-postgresql in test scope, then drop this assumption.
        org.junit.jupiter.api.Assumptions.assumeFalse(POSTGRES, "no Flyway PostgreSQL plugin on the test class path");
        if (POSTGRES) {
            database = "cd_v23_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            PostgresTestDatabase.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
            url = "jdbc:postgresql://" + PostgresTestDatabase.SERVER + "/" + database;
            user = PostgresTestDatabase.USER;
        } else {
            url = "jdbc:h2:mem:v23" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        }
        flyway("22").migrate();
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            PostgresTestDatabase.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void knownSentencesBecomeWordingsAndPeoplesWordsStay() throws SQLException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        rows.put("电话受理", new String[] {"REPORTED"});
        rows.put("Open311受理", new String[] {"REPORTED"});
        rows.put("第 12 次反映（12345 热线）：同一处，又冒水了", new String[] {"REPORT_ADDED"});
        rows.put("第 2 次反映（电话）", new String[] {"REPORT_ADDED"});
        rows.put("通达管道专业清掏队（牵头）", new String[] {"DISPATCHED"});
        rows.put("通达管道专业清掏队（牵头）、大同市政排污所（配合）", new String[] {"DISPATCHED"});
        rows.put("清理油污结块，疏通管道（原因：油污\"结块\"）", new String[] {"RESOLVED"});
        rows.put("清理完毕", new String[] {"RESOLVED"});
        rows.put("居民评价：2 分，未解决", new String[] {"FEEDBACK"});
        rows.put("回访（beixinyuan.staff 记录）：5 分，已解决", new String[] {"FEEDBACK"});
        rows.put("居民反映问题未解决", new String[] {"REOPENED"});
        rows.put("重复工单，同 CD-2026-000011", new String[] {"CANCELLED"});
        rows.put("不属于受理范围", new String[] {"CANCELLED"});
        rows.put("办结后 7 天内居民未反映问题未解决，系统自动办结", new String[] {"CLOSED"});
        rows.put("添加了照片", new String[] {"PHOTO_ADDED"});
        rows.put("短信 139****1234（resident-logged）", new String[] {"NOTIFICATION_SENT"});
        rows.put("WECOM qyapi.weixin.qq.com（organization-dispatched）：robot answered 500", new String[] {"NOTIFICATION_FAILED"});
        rows.put("物业已购灯具", new String[] {"NOTE"});

        try (Connection db = DriverManager.getConnection(url, user, "")) {
            long ticket = oldTicket(db);
            for (var row : rows.entrySet()) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO ticket_event (ticket_id, type, actor, "
                        + "occurred_at, note, visibility) VALUES (?, ?, 'someone', CURRENT_TIMESTAMP, ?, 'PUBLIC')")) {
                    insert.setLong(1, ticket);
                    insert.setString(2, row.getValue()[0]);
                    insert.setString(3, row.getKey());
                    insert.executeUpdate();
                }
            }
        }

        flyway("23").migrate();

        Map<String, String[]> after = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(url, user, "");
                Statement select = db.createStatement();
                ResultSet rs = select.executeQuery("SELECT wording, wording_params, note FROM ticket_event ORDER BY id")) {
            var originals = rows.keySet().iterator();
            while (rs.next()) {
                after.put(originals.next(), new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        assertThat(after).hasSize(rows.size());
        assertThat(after.get("电话受理")).containsExactly("REPORTED", "{\"channel\":\"PHONE\"}", null);
        assertThat(after.get("Open311受理")).containsExactly("REPORTED", "{\"channel\":\"OPEN311\"}", null);
        assertThat(after.get("第 12 次反映（12345 热线）：同一处，又冒水了"))
                .containsExactly("FURTHER_REPORT", "{\"number\":12,\"channel\":\"HOTLINE_12345\"}", "同一处，又冒水了");
        assertThat(after.get("第 2 次反映（电话）")).containsExactly("FURTHER_REPORT", "{\"number\":2,\"channel\":\"PHONE\"}", null);
        assertThat(after.get("通达管道专业清掏队（牵头）")).containsExactly("ASSIGNED",
                "{\"assignments\":[{\"code\":\"tongda-dredging\",\"zh\":\"通达管道专业清掏队\","
                        + "\"en\":\"Tongda Professional Pipe Dredging Team\",\"role\":\"LEAD\"}]}", null);
        // Several organizations: no pattern, shown as stored.
        assertThat(after.get("通达管道专业清掏队（牵头）、大同市政排污所（配合）"))
                .containsExactly(null, null, "通达管道专业清掏队（牵头）、大同市政排污所（配合）");
        assertThat(after.get("清理油污结块，疏通管道（原因：油污\"结块\"）"))
                .containsExactly("RESOLVED_WITH_CAUSE", "{\"cause\":\"油污\\\"结块\\\"\"}", "清理油污结块，疏通管道");
        assertThat(after.get("清理完毕")).containsExactly(null, null, "清理完毕");
        assertThat(after.get("居民评价：2 分，未解决"))
                .containsExactly("RESIDENT_FEEDBACK", "{\"rating\":2,\"resolved\":false}", null);
        assertThat(after.get("回访（beixinyuan.staff 记录）：5 分，已解决")).containsExactly("FOLLOW_UP_FEEDBACK",
                "{\"recordedBy\":\"beixinyuan.staff\",\"rating\":5,\"resolved\":true}", null);
        assertThat(after.get("居民反映问题未解决")).containsExactly("REOPENED_BY_RESIDENT", null, null);
        assertThat(after.get("重复工单，同 CD-2026-000011"))
                .containsExactly("CANCELLED", "{\"reason\":\"DUPLICATE\",\"original\":\"CD-2026-000011\"}", null);
        assertThat(after.get("不属于受理范围")).containsExactly("CANCELLED", "{\"reason\":\"OUT_OF_SCOPE\"}", null);
        assertThat(after.get("办结后 7 天内居民未反映问题未解决，系统自动办结")).containsExactly("CLOSED_AUTOMATICALLY", null, null);
        assertThat(after.get("添加了照片")).containsExactly("PHOTO_ADDED", null, null);
        assertThat(after.get("短信 139****1234（resident-logged）")).containsExactly("NOTIFICATION_SENT",
                "{\"channel\":\"SMS\",\"recipient\":\"139****1234\",\"kind\":\"resident-logged\"}", null);
        assertThat(after.get("WECOM qyapi.weixin.qq.com（organization-dispatched）：robot answered 500")).containsExactly(
                "NOTIFICATION_FAILED", "{\"channel\":\"WECOM\",\"recipient\":\"qyapi.weixin.qq.com\","
                        + "\"kind\":\"organization-dispatched\",\"error\":\"robot answered 500\"}", null);
        assertThat(after.get("物业已购灯具")).containsExactly(null, null, "物业已购灯具");
        // Every parameter written is JSON that the renderer reads.
        after.values().stream().filter(v -> v[1] != null).forEach(v -> assertThat(EventWording.params(v[1])).isNotEmpty());
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url, user, "").target(target)
                .locations("classpath:db/migration", POSTGRES ? "classpath:db/postgresql" : "classpath:db/h2").load();
    }

    private static long oldTicket(Connection db) throws SQLException {
        try (Statement insert = db.createStatement()) {
            insert.executeUpdate("INSERT INTO ticket (code, version, category_id, priority, status, channel, description, "
                    + "reporter_name, street_office_id, community_id, reported_at, dispatch_due_at, due_at, report_count, "
                    + "reopen_count, updated_at) SELECT 'CD-2026-990001', 0, (SELECT MIN(id) FROM service_category), "
                    + "'NORMAL', 'REPORTED', 'PHONE', '下水堵塞', '测试居民', c.parent_id, c.id, CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 0, CURRENT_TIMESTAMP FROM area c WHERE c.code = 'beixinyuan'");
        }
        try (Statement select = db.createStatement();
                ResultSet rs = select.executeQuery("SELECT id FROM ticket WHERE code = 'CD-2026-990001'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
