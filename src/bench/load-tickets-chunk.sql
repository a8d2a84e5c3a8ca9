-- One chunk of synthetic tickets, x = @LO@ … @HI@ of @N@, for src/bench/load-tickets.sh.
-- The same SQL runs on H2 and PostgreSQL: the script replaces @SERIES@ with SYSTEM_RANGE or
-- generate_series, @UNLOGGED@ with UNLOGGED on PostgreSQL, and the other @NAMES@ with numbers.
--
-- Three scratch tables build a plan, one row per ticket, from which the ticket, its extra report,
-- assignments, feedback and timeline are inserted, so that they agree. (One statement would do, but
-- H2 takes seconds to plan joins nested under several derived tables: so, flat steps.)
-- Every "random" draw is a hash of x, so a chunk comes out the same on both databases and on every
-- run. Times are epoch seconds (BIGINT) until the plan's last step turns them into timestamps.
-- A milestone happens only if it is in the past and before the ticket's "block": its cancellation,
-- or the step where a stuck ticket stopped.

DROP TABLE IF EXISTS bench_draw;
DROP TABLE IF EXISTS bench_item;
DROP TABLE IF EXISTS bench_plan;

-- Step 1, the draws: 24 numbers in 0…9999 per ticket, two from each of 12 hashes of x (the first
-- 8 digits of the fractional part of a scaled sine). They are computed in doubles and kept as
-- integers: H2 turns arithmetic that mixes doubles and decimals into slow DECFLOAT, and integers
-- compute the same on both databases.
CREATE @UNLOGGED@ TABLE bench_draw AS
SELECT u.*,
       -- About 3 years of reports, oldest first, as ids grow with time in a real database.
       @NOW@ - (CAST(@SPAN@ AS BIGINT) * (@N@ - x) + CAST(@SPAN@ AS BIGINT) * u1 / 10000) / @N@ AS rep,
       CASE WHEN u2 < 2500 THEN 'sewer-blockage' WHEN u2 < 3500 THEN 'sewage-overflow'
            WHEN u2 < 4500 THEN 'lift-outage' WHEN u2 < 6000 THEN 'street-light'
            WHEN u2 < 8500 THEN 'sanitation' WHEN u2 < 9300 THEN 'property-dispute'
            ELSE 'fire-hazard' END AS category_code,
       CASE WHEN u3 < 2200 THEN 'beixinyuan' WHEN u3 < 3600 THEN 'yingbinlu'
            WHEN u3 < 5600 THEN 'zhenxingjie' WHEN u3 < 7000 THEN 'yujinyuan'
            WHEN u3 < 8200 THEN 'qingyuanxijie' ELSE 'huaiyuan' END AS community_code
FROM (
    SELECT x,
           CAST(MOD(v1, 10000) AS BIGINT) AS u1, v1 / 10000 AS u2,
           CAST(MOD(v2, 10000) AS BIGINT) AS u3, v2 / 10000 AS u4,
           CAST(MOD(v3, 10000) AS BIGINT) AS u5, v3 / 10000 AS u6,
           CAST(MOD(v4, 10000) AS BIGINT) AS u7, v4 / 10000 AS u8,
           CAST(MOD(v5, 10000) AS BIGINT) AS u9, v5 / 10000 AS u10,
           CAST(MOD(v6, 10000) AS BIGINT) AS u11, v6 / 10000 AS u12,
           CAST(MOD(v7, 10000) AS BIGINT) AS u13, v7 / 10000 AS u14,
           CAST(MOD(v8, 10000) AS BIGINT) AS u15, v8 / 10000 AS u16,
           CAST(MOD(v9, 10000) AS BIGINT) AS u17, v9 / 10000 AS u18,
           CAST(MOD(v10, 10000) AS BIGINT) AS u19, v10 / 10000 AS u20,
           CAST(MOD(v11, 10000) AS BIGINT) AS u21, v11 / 10000 AS u22,
           CAST(MOD(v12, 10000) AS BIGINT) AS u23, v12 / 10000 AS u24
    FROM (
        SELECT x,
               CAST(FLOOR((h1 - FLOOR(h1)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v1,
               CAST(FLOOR((h2 - FLOOR(h2)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v2,
               CAST(FLOOR((h3 - FLOOR(h3)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v3,
               CAST(FLOOR((h4 - FLOOR(h4)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v4,
               CAST(FLOOR((h5 - FLOOR(h5)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v5,
               CAST(FLOOR((h6 - FLOOR(h6)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v6,
               CAST(FLOOR((h7 - FLOOR(h7)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v7,
               CAST(FLOOR((h8 - FLOOR(h8)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v8,
               CAST(FLOOR((h9 - FLOOR(h9)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v9,
               CAST(FLOOR((h10 - FLOOR(h10)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v10,
               CAST(FLOOR((h11 - FLOOR(h11)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v11,
               CAST(FLOOR((h12 - FLOOR(h12)) * CAST(100000000 AS DOUBLE PRECISION)) AS BIGINT) AS v12
        FROM (
            SELECT x,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(78.233 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h1,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(156.466 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h2,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(234.699 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h3,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(312.932 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h4,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(391.165 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h5,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(469.398 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h6,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(547.631 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h7,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(625.864 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h8,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(704.097 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h9,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(782.330 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h10,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(860.563 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h11,
               ABS(SIN(CAST(x AS DOUBLE PRECISION) * CAST(12.9898 AS DOUBLE PRECISION) + CAST(938.796 AS DOUBLE PRECISION)))
                   * CAST(43758.5453 AS DOUBLE PRECISION) AS h12
            FROM @SERIES@(@LO@, @HI@) AS g (x)
        ) h
    ) v
) u;

-- Step 2, what and where: category, priority and its SLA targets in seconds, community, compound,
-- channel, the organizations that would take it, and the texts.
CREATE @UNLOGGED@ TABLE bench_item AS
SELECT d.x, d.rep, d.u8, d.u10, d.u11, d.u16, d.u17, d.u18, d.u19, d.u20,
       d.u7 < 400 AS cancelled,
       d.u12 < 3500 AS has_fb,
       d.u15 < 500 AS extra_report,
       c.id AS category_id, cm.parent_id AS street_office_id, cm.id AS community_id,
       d.community_code || '.staff' AS staff, st.id AS site_id,
       lo.id AS lead_id, lo.code || '.crew' AS crew,
       lo.name_zh || ' (LEAD)' || CASE WHEN so.id IS NULL THEN '' ELSE ', ' || so.name_zh || ' (SUPPORT)' END AS dispatch_note,
       so.id AS support_id,
       CASE WHEN d.u5 < 4500 THEN 'PHONE' WHEN d.u5 < 7500 THEN 'HOTLINE_12345'
            WHEN d.u5 < 8800 THEN 'WALK_IN' WHEN d.u5 < 9700 THEN 'WEB' ELSE 'OPEN311' END AS channel,
       CASE WHEN d.u6 < 8000 THEN c.default_priority WHEN d.u6 < 9000 THEN 'URGENT' ELSE 'LOW' END AS priority,
       CAST(3600 AS BIGINT) * CASE WHEN d.u6 < 8000 THEN CASE c.default_priority
               WHEN 'URGENT' THEN c.dispatch_hours_urgent WHEN 'LOW' THEN c.dispatch_hours_low
               ELSE c.dispatch_hours_normal END
           WHEN d.u6 < 9000 THEN c.dispatch_hours_urgent ELSE c.dispatch_hours_low END AS disp_s,
       CAST(3600 AS BIGINT) * CASE WHEN d.u6 < 8000 THEN CASE c.default_priority
               WHEN 'URGENT' THEN c.resolve_hours_urgent WHEN 'LOW' THEN c.resolve_hours_low
               ELSE c.resolve_hours_normal END
           WHEN d.u6 < 9000 THEN c.resolve_hours_urgent ELSE c.resolve_hours_low END AS res_s,
       CASE WHEN d.u7 >= 400 THEN NULL WHEN d.u9 < 5000 THEN 'WITHDRAWN'
            WHEN d.u9 < 8000 AND d.x > 1 THEN 'DUPLICATE' WHEN d.u9 < 9000 THEN 'OUT_OF_SCOPE'
            ELSE 'INVALID' END AS cancel_reason,
       CASE WHEN d.u13 < 5500 THEN 5 WHEN d.u13 < 8000 THEN 4 WHEN d.u13 < 9000 THEN 3
            WHEN d.u13 < 9600 THEN 2 ELSE 1 END AS rating,
       CASE WHEN d.u14 < 4000 THEN 'RESIDENT' ELSE 'FOLLOW_UP_CALL' END AS feedback_source,
       CASE d.category_code
           WHEN 'sewer-blockage' THEN CASE WHEN d.u23 < 5000 THEN '下水管道堵塞，污水排不出去' ELSE '厨房下水返水，卫生间下水慢' END
           WHEN 'sewage-overflow' THEN CASE WHEN d.u23 < 5000 THEN '污水井外溢，污水流到路面' ELSE '化粪池满溢，气味很大' END
           WHEN 'lift-outage' THEN CASE WHEN d.u23 < 5000 THEN '电梯停运，老人上下楼困难' ELSE '电梯运行中异响后停用' END
           WHEN 'street-light' THEN CASE WHEN d.u23 < 5000 THEN '小区路灯不亮' ELSE '路灯夜间闪烁' END
           WHEN 'sanitation' THEN CASE WHEN d.u23 < 5000 THEN '垃圾箱满溢，无人清运' ELSE '楼道堆放杂物，影响通行' END
           WHEN 'property-dispute' THEN CASE WHEN d.u23 < 5000 THEN '物业服务纠纷，多次沟通未果' ELSE '车辆乱停乱放，物业不管' END
           ELSE CASE WHEN d.u23 < 5000 THEN '楼道消防器材缺失' ELSE '电动车在楼道充电' END
       END || '。（压测数据 ' || CAST(d.x AS VARCHAR(12)) || '）' AS description,
       CASE WHEN d.u24 < 3000 THEN NULL
            ELSE CAST(1 + MOD(d.x, 30) AS VARCHAR(4)) || '号楼' || CAST(1 + MOD(d.x, 6) AS VARCHAR(2)) || '单元' END
           AS address_detail,
       CASE d.category_code
           WHEN 'sewer-blockage' THEN '疏通下水管道，清理油污结块。'
           WHEN 'sewage-overflow' THEN '清掏污水井，疏通堵塞管道。'
           WHEN 'lift-outage' THEN '维修电梯控制系统，恢复运行。'
           WHEN 'street-light' THEN '更换灯具，恢复照明。'
           WHEN 'sanitation' THEN '清运垃圾，清理现场。'
           WHEN 'property-dispute' THEN '社区、街道与物业协商，达成解决方案。'
           ELSE '补充消防器材，清理楼道杂物。' END AS resolution,
       CASE d.category_code WHEN 'sewer-blockage' THEN '家庭油污结块'
           WHEN 'sewage-overflow' THEN '管网陈旧，无人清掏' END AS root_cause
FROM bench_draw d
JOIN service_category c ON c.code = d.category_code
JOIN area cm ON cm.code = d.community_code
-- A quarter of the calls of a community that has a seeded compound are about it.
LEFT JOIN site st ON st.community_id = cm.id AND d.u4 < 2500
-- The lead: whoever handles this kind of problem; a tenth get a second organization.
JOIN organization lo ON lo.code = CASE d.category_code
        WHEN 'sewer-blockage' THEN CASE WHEN d.u21 < 7000 THEN 'tongda-dredging' ELSE 'datong-sewage' END
        WHEN 'sewage-overflow' THEN CASE WHEN d.u21 < 7000 THEN 'datong-sewage' ELSE 'pingcheng-sanitation' END
        WHEN 'lift-outage' THEN 'zhongrui-property'
        WHEN 'street-light' THEN CASE WHEN d.u21 < 5000 THEN 'zhongrui-property' ELSE 'pingcheng-sanitation' END
        WHEN 'sanitation' THEN 'pingcheng-sanitation'
        WHEN 'property-dispute' THEN CASE WHEN d.u21 < 6000 THEN 'zhongrui-property' ELSE 'yingbin-enforcement' END
        ELSE CASE WHEN d.u21 < 5000 THEN 'yingbin-enforcement' ELSE 'zhongrui-property' END END
LEFT JOIN organization so ON d.u22 < 1000 AND so.code = CASE WHEN lo.code = 'pingcheng-sanitation'
        THEN 'datong-sewage' ELSE 'pingcheng-sanitation' END;

-- Step 3, when: the milestones, which of them happened, the status, and the timestamps.
-- OFFSET 0 keeps PostgreSQL from merging the levels into one another, which would copy every
-- expression into each place that uses it (minutes instead of seconds); H2 ignores it.
CREATE @UNLOGGED@ TABLE bench_plan AS
SELECT x, @BASE@ + x AS id, category_id, priority, channel, street_office_id, community_id, staff, site_id,
       lead_id, crew, dispatch_note, support_id, description, address_detail, resolution, root_cause,
       cancel_reason, rating, feedback_source, reopened, r_disp, r_start, r_res, r_close, r_cancel, r_fb, r_report,
       CASE WHEN r_cancel THEN 'CANCELLED' WHEN r_close THEN 'CLOSED' WHEN r_res THEN 'RESOLVED'
            WHEN r_start THEN 'IN_PROGRESS' WHEN r_disp THEN 'DISPATCHED' ELSE 'REPORTED' END AS status,
       rep, m_disp, m_res, m_close, disp_s, res_s,
       @EPOCH@ + rep * INTERVAL '1' SECOND AS rep_ts,
       CASE WHEN r_disp THEN @EPOCH@ + m_disp * INTERVAL '1' SECOND END AS disp_ts,
       CASE WHEN r_start THEN @EPOCH@ + m_start * INTERVAL '1' SECOND END AS start_ts,
       CASE WHEN reopened THEN @EPOCH@ + m_res1 * INTERVAL '1' SECOND END AS res1_ts,
       CASE WHEN reopened THEN @EPOCH@ + f1 * INTERVAL '1' SECOND END AS f1_ts,
       CASE WHEN reopened THEN @EPOCH@ + s2 * INTERVAL '1' SECOND END AS s2_ts,
       CASE WHEN r_res THEN @EPOCH@ + m_res * INTERVAL '1' SECOND END AS res_ts,
       CASE WHEN r_fb THEN @EPOCH@ + given * INTERVAL '1' SECOND END AS given_ts,
       CASE WHEN r_close THEN @EPOCH@ + m_close * INTERVAL '1' SECOND END AS close_ts,
       CASE WHEN r_cancel THEN @EPOCH@ + mc * INTERVAL '1' SECOND END AS cancel_ts,
       CASE WHEN r_report THEN @EPOCH@ + report_at * INTERVAL '1' SECOND END AS report_ts,
       @EPOCH@ + CASE WHEN r_cancel THEN mc WHEN r_close THEN m_close WHEN r_res THEN m_res WHEN r_start THEN m_start
                      WHEN r_disp THEN m_disp WHEN r_report THEN report_at ELSE rep END * INTERVAL '1' SECOND AS updated_ts
FROM (
    SELECT b.*,
           m_disp <= @NOW@ AND m_disp < block AS r_disp,
           m_start <= @NOW@ AND m_start < block AS r_start,
           m_res <= @NOW@ AND m_res < block AS r_res,
           m_close <= @NOW@ AND m_close < block AS r_close,
           cancelled AND mc <= @NOW@ AS r_cancel,
           fb AND given <= @NOW@ AND m_res < block AS r_fb,
           extra_report AND report_at <= @NOW@ AS r_report
    FROM (
        -- Where progress stops: at the cancellation, or at the step a stuck ticket never took.
        SELECT a4.*,
               CASE WHEN cancelled THEN mc
                    WHEN stuck AND u8 < 4000 THEN m_disp
                    WHEN stuck AND u8 < 8000 THEN m_start
                    WHEN stuck THEN m_res
                    ELSE 9000000000 END AS block
        FROM (
            -- Cancelled before dispatch (6 in 10), before the start (3) or during the work (1). Closed by
            -- the resident's "resolved", or by staff within 1 h to 3 days.
            SELECT a3.*,
                   CASE WHEN u8 < 6000 THEN rep + (m_disp - rep) / 2
                        WHEN u8 < 9000 THEN m_disp + (m_start - m_disp) / 2
                        ELSE m_start + (m_res - m_start) / 2 END AS mc,
                   CASE WHEN fb THEN given ELSE m_res + 3600 + 259200 * u19 / 10000 END AS m_close
            FROM (
                -- A reopened ticket was resolved (m_res1), rated "not resolved" 4 h later (f1), started
                -- again half an hour after (s2) and resolved after as long again (m_res). Feedback
                -- comes 1 h to 6 days after the resolution.
                SELECT a2.*,
                       m_res1 + 14400 AS f1,
                       m_res1 + 16200 AS s2,
                       m_res + 3600 + 518400 * u20 / 10000 AS given,
                       has_fb AND NOT reopened AS fb,
                       rep + LEAST(1200, (m_disp - rep) / 4) AS report_at
                FROM (
                    SELECT a1.*,
                           CASE WHEN reopened THEN m_res1 + 16200 + (m_res1 - m_start) ELSE m_res1 END AS m_res
                    FROM (
                        -- Work takes 5–100 % of the resolve target after the start. One in fifty tickets
                        -- older than 120 days was reopened once; one in a hundred of the last 180 days is stuck.
                        SELECT a0.*,
                               m_start + 600 + res_s * (500 + 95 * u18 * u18 / 1000000) / 10000 AS m_res1,
                               NOT cancelled AND u11 < 200 AND @NOW@ - rep > 120 * 86400 AS reopened,
                               NOT cancelled AND u11 >= 200 AND u10 < 100 AND @NOW@ - rep < 180 * 86400 AS stuck
                        FROM (
                            -- Dispatch after 5–115 % of the dispatch target (most on time); the start
                            -- within a quarter of the resolve target.
                            SELECT i.*,
                                   rep + disp_s * (500 + 11 * u16 * u16 / 100000) / 10000 AS m_disp,
                                   rep + disp_s * (500 + 11 * u16 * u16 / 100000) / 10000 + 600 + res_s * u17 / 40000 AS m_start
                            FROM bench_item i
                            OFFSET 0
                        ) a0
                        OFFSET 0
                    ) a1
                    OFFSET 0
                ) a2
                OFFSET 0
            ) a3
            OFFSET 0
        ) a4
        OFFSET 0
    ) b
) c;

INSERT INTO ticket (id, code, version, category_id, priority, status, channel, description, reporter_name,
        reporter_phone, street_office_id, community_id, site_id, address_detail, latitude, longitude,
        reported_at, dispatch_due_at, due_at, dispatched_at, started_at, resolved_at, closed_at, cancelled_at,
        seconds_to_dispatch, seconds_to_resolve, seconds_to_close, resolution, root_cause, cancel_reason,
        duplicate_of_id, lead_organization_id, report_count, reopen_count, updated_at, access_code_hash)
SELECT id,
       -- The app's format (TicketCodes, %06d): CD-<local year>-<number>, numbers after those already
       -- used. LPAD would cut a number of 7 digits to 6, hence the CASE.
       'CD-' || CAST(CAST(EXTRACT(YEAR FROM (rep_ts AT TIME ZONE '@ZONE@')) AS INTEGER) AS VARCHAR(4)) || '-'
           || CASE WHEN @CODEBASE@ + x < 1000000 THEN LPAD(CAST(@CODEBASE@ + x AS VARCHAR(12)), 6, '0')
                   ELSE CAST(@CODEBASE@ + x AS VARCHAR(12)) END,
       -- @Version counts the changes: each move, the extra report, and the three steps of a reopening.
       CASE WHEN r_report THEN 1 ELSE 0 END + CASE WHEN r_disp THEN 1 ELSE 0 END + CASE WHEN r_start THEN 1 ELSE 0 END
           + CASE WHEN r_res THEN 1 ELSE 0 END + CASE WHEN r_close THEN 1 ELSE 0 END
           + CASE WHEN r_cancel THEN 1 ELSE 0 END + CASE WHEN reopened THEN 3 ELSE 0 END,
       category_id, priority, status, channel, description,
       -- Obviously fake callers: 居民00042, 1380000xxxx.
       '居民' || LPAD(CAST(MOD(x, 100000) AS VARCHAR(5)), 5, '0'),
       '1380000' || LPAD(CAST(MOD(x, 10000) AS VARCHAR(4)), 4, '0'),
       street_office_id, community_id, site_id, address_detail, NULL, NULL,
       rep_ts, rep_ts + disp_s * INTERVAL '1' SECOND, rep_ts + res_s * INTERVAL '1' SECOND,
       disp_ts, start_ts, res_ts, close_ts, cancel_ts,
       CASE WHEN r_disp THEN m_disp - rep END, CASE WHEN r_res THEN m_res - rep END,
       CASE WHEN r_close THEN m_close - rep END,
       CASE WHEN r_res THEN resolution END, CASE WHEN r_res THEN root_cause END,
       CASE WHEN r_cancel THEN cancel_reason END,
       NULL, CASE WHEN r_disp THEN lead_id END,
       CASE WHEN r_report THEN 2 ELSE 1 END, CASE WHEN reopened THEN 1 ELSE 0 END, updated_ts, NULL
FROM bench_plan;

-- A cancelled duplicate points at the ticket reported just before it (never itself, never a later one).
UPDATE ticket SET duplicate_of_id = id - 1
WHERE id BETWEEN @BASE@ + @LO@ AND @BASE@ + @HI@ AND cancel_reason = 'DUPLICATE';

-- One in twenty got a second call before dispatch.
INSERT INTO ticket_report (ticket_id, reporter_name, reporter_phone, channel, note, reported_at)
SELECT id, '居民' || LPAD(CAST(MOD(x + 50000, 100000) AS VARCHAR(5)), 5, '0'),
       '1380001' || LPAD(CAST(MOD(x, 10000) AS VARCHAR(4)), 4, '0'), 'PHONE', NULL, report_ts
FROM bench_plan WHERE r_report;

-- Assignments are released only by a later dispatch, which the synthetic tickets never have.
INSERT INTO ticket_assignment (ticket_id, organization_id, role, assigned_at, released_at)
SELECT id, organization_id, role, assigned_at, NULL FROM (
    SELECT id, lead_id AS organization_id, 'LEAD' AS role, disp_ts AS assigned_at, 1 AS n FROM bench_plan WHERE r_disp
    UNION ALL
    SELECT id, support_id, 'SUPPORT', disp_ts, 2 FROM bench_plan WHERE r_disp AND support_id IS NOT NULL
) a ORDER BY id, n;

-- Feedback on the current resolution (it closed the ticket), and the "not resolved" that reopened one.
INSERT INTO ticket_feedback (ticket_id, resolved_at, rating, resolved, comment, source, recorded_by, given_at)
SELECT id, resolved_at, rating, resolved, NULL, feedback_source,
       CASE WHEN feedback_source = 'FOLLOW_UP_CALL' THEN staff END, given_at FROM (
    SELECT id, res_ts AS resolved_at, rating, TRUE AS resolved, feedback_source, staff, given_ts AS given_at
    FROM bench_plan WHERE r_fb
    UNION ALL
    SELECT id, res1_ts, CASE WHEN rating > 2 THEN 2 ELSE rating END, FALSE, feedback_source, staff, f1_ts
    FROM bench_plan WHERE reopened
) f ORDER BY id;

-- The timeline, in the order Ticket's methods would have appended it (ids grow with time per ticket).
INSERT INTO ticket_event (ticket_id, type, from_status, to_status, actor, actor_role, occurred_at, note, visibility)
SELECT ticket_id, type, from_status, to_status, actor, actor_role, occurred_at, note, visibility FROM (
    SELECT id AS ticket_id, 'REPORTED' AS type, CAST(NULL AS VARCHAR(16)) AS from_status, 'REPORTED' AS to_status,
           staff AS actor, 'STAFF' AS actor_role, rep_ts AS occurred_at,
           CAST('Reported via ' || channel AS VARCHAR(4000)) AS note, 'PUBLIC' AS visibility, 1 AS step
    FROM bench_plan
    UNION ALL
    SELECT id, 'REPORT_ADDED', 'REPORTED', 'REPORTED', staff, 'STAFF', report_ts, 'Report 2 via PHONE', 'INTERNAL', 2
    FROM bench_plan WHERE r_report
    UNION ALL
    SELECT id, 'DISPATCHED', 'REPORTED', 'DISPATCHED', staff, 'STAFF', disp_ts, dispatch_note, 'PUBLIC', 3
    FROM bench_plan WHERE r_disp
    UNION ALL
    SELECT id, 'STARTED', 'DISPATCHED', 'IN_PROGRESS', crew, 'CONTRACTOR', start_ts, NULL, 'PUBLIC', 4
    FROM bench_plan WHERE r_start
    UNION ALL
    SELECT id, 'RESOLVED', 'IN_PROGRESS', 'RESOLVED', crew, 'CONTRACTOR', res1_ts,
           CASE WHEN root_cause IS NULL THEN resolution ELSE resolution || ' (root cause: ' || root_cause || ')' END,
           'PUBLIC', 5
    FROM bench_plan WHERE reopened
    UNION ALL
    SELECT id, 'FEEDBACK', 'RESOLVED', 'RESOLVED',
           CASE WHEN feedback_source = 'RESIDENT' THEN 'resident' ELSE staff END,
           CASE WHEN feedback_source = 'RESIDENT' THEN 'RESIDENT' ELSE 'STAFF' END, f1_ts,
           CASE WHEN feedback_source = 'RESIDENT' THEN 'Resident feedback: ' ELSE 'Follow-up call recorded by ' || staff || ': ' END
               || 'rating ' || CAST(CASE WHEN rating > 2 THEN 2 ELSE rating END AS VARCHAR(1)) || '/5, not resolved',
           'PUBLIC', 6
    FROM bench_plan WHERE reopened
    UNION ALL
    SELECT id, 'REOPENED', 'RESOLVED', 'DISPATCHED',
           CASE WHEN feedback_source = 'RESIDENT' THEN 'resident' ELSE staff END,
           CASE WHEN feedback_source = 'RESIDENT' THEN 'RESIDENT' ELSE 'STAFF' END, f1_ts,
           'The resident says the problem is not resolved', 'PUBLIC', 7
    FROM bench_plan WHERE reopened
    UNION ALL
    SELECT id, 'STARTED', 'DISPATCHED', 'IN_PROGRESS', crew, 'CONTRACTOR', s2_ts, NULL, 'PUBLIC', 8
    FROM bench_plan WHERE reopened
    UNION ALL
    SELECT id, 'RESOLVED', 'IN_PROGRESS', 'RESOLVED', crew, 'CONTRACTOR', res_ts,
           CASE WHEN root_cause IS NULL THEN resolution ELSE resolution || ' (root cause: ' || root_cause || ')' END,
           'PUBLIC', 9
    FROM bench_plan WHERE r_res
    UNION ALL
    SELECT id, 'FEEDBACK', 'RESOLVED', 'RESOLVED',
           CASE WHEN feedback_source = 'RESIDENT' THEN 'resident' ELSE staff END,
           CASE WHEN feedback_source = 'RESIDENT' THEN 'RESIDENT' ELSE 'STAFF' END, given_ts,
           CASE WHEN feedback_source = 'RESIDENT' THEN 'Resident feedback: ' ELSE 'Follow-up call recorded by ' || staff || ': ' END
               || 'rating ' || CAST(rating AS VARCHAR(1)) || '/5, resolved',
           'PUBLIC', 10
    FROM bench_plan WHERE r_fb
    UNION ALL
    -- Feedback that the problem is resolved closes the ticket; otherwise staff close it.
    SELECT id, 'CLOSED', 'RESOLVED', 'CLOSED',
           CASE WHEN r_fb AND feedback_source = 'RESIDENT' THEN 'resident' ELSE staff END,
           CASE WHEN r_fb AND feedback_source = 'RESIDENT' THEN 'RESIDENT' ELSE 'STAFF' END, close_ts, NULL, 'PUBLIC', 11
    FROM bench_plan WHERE r_close
    UNION ALL
    SELECT p.id, 'CANCELLED',
           CASE WHEN p.r_start THEN 'IN_PROGRESS' WHEN p.r_disp THEN 'DISPATCHED' ELSE 'REPORTED' END, 'CANCELLED',
           p.staff, 'STAFF', p.cancel_ts,
           CASE WHEN p.cancel_reason = 'DUPLICATE' THEN 'DUPLICATE of ' || d.code ELSE p.cancel_reason END, 'PUBLIC', 12
    FROM bench_plan p LEFT JOIN ticket d ON d.id = p.id - 1 AND p.cancel_reason = 'DUPLICATE'
    WHERE p.r_cancel
) e ORDER BY ticket_id, occurred_at, step;

DROP TABLE bench_draw;
DROP TABLE bench_item;
DROP TABLE bench_plan;
