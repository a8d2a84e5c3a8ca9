-- What the system writes on a timeline is stored as a wording (a key of ticket.Wording) and its parameters
-- (a JSON object), and rendered in the reader's language; the note keeps only what people typed.
ALTER TABLE ticket_event ADD COLUMN wording VARCHAR(32);
ALTER TABLE ticket_event ADD COLUMN wording_params VARCHAR(4000);

-- Rows written before: the Chinese sentences that ticket.EventWording used to store are taken apart into
-- wording and parameters (plain SQL that H2 and PostgreSQL both run). What no pattern below matches (a dispatch
-- to several organizations, a reassignment) keeps its wording NULL and is shown as stored.

UPDATE ticket_event SET wording = 'REPORTED', note = NULL,
       wording_params = CASE note WHEN '电话受理' THEN '{"channel":"PHONE"}' WHEN '来访受理' THEN '{"channel":"WALK_IN"}'
           WHEN '12345 热线受理' THEN '{"channel":"HOTLINE_12345"}' WHEN '网上受理' THEN '{"channel":"WEB"}'
           ELSE '{"channel":"OPEN311"}' END
 WHERE type = 'REPORTED' AND wording IS NULL AND note IN ('电话受理', '来访受理', '12345 热线受理', '网上受理', 'Open311受理');

UPDATE ticket_event SET wording = 'REOPENED_BY_RESIDENT', note = NULL
 WHERE type = 'REOPENED' AND wording IS NULL AND note = '居民反映问题未解决';
UPDATE ticket_event SET wording = 'CLOSED_AUTOMATICALLY', note = NULL
 WHERE type = 'CLOSED' AND wording IS NULL AND note = '办结后 7 天内居民未反映问题未解决，系统自动办结';
UPDATE ticket_event SET wording = 'ACCESS_CODE_REISSUED', note = NULL
 WHERE type = 'ACCESS_CODE_ISSUED' AND wording IS NULL AND note = '已发放新的查询码，原查询码作废';
UPDATE ticket_event SET wording = 'MESSAGES_STOPPED', note = NULL
 WHERE type = 'MESSAGES_STOPPED' AND wording IS NULL AND note = '居民在查询页面退订了短信通知';
UPDATE ticket_event SET wording = 'ACCESS_BLOCKS_LIFTED', note = NULL
 WHERE type = 'ACCESS_BLOCKS_LIFTED' AND wording IS NULL AND note = '已解除查询码锁定，所有地址可以重新查询';
UPDATE ticket_event SET wording = 'PHOTO_ADDED', note = NULL
 WHERE type = 'PHOTO_ADDED' AND wording IS NULL AND note = '添加了照片';

-- 重复工单，同 CD-2026-000011 / 居民撤回 / 不属于受理范围 / 无效工单
UPDATE ticket_event SET wording = 'CANCELLED', note = NULL,
       wording_params = '{"reason":"DUPLICATE","original":"' || SUBSTRING(note FROM 8) || '"}'
 WHERE type = 'CANCELLED' AND wording IS NULL AND note LIKE '重复工单，同 %';
UPDATE ticket_event SET wording = 'CANCELLED', note = NULL,
       wording_params = CASE note WHEN '居民撤回' THEN '{"reason":"WITHDRAWN"}'
           WHEN '不属于受理范围' THEN '{"reason":"OUT_OF_SCOPE"}' ELSE '{"reason":"INVALID"}' END
 WHERE type = 'CANCELLED' AND wording IS NULL AND note IN ('居民撤回', '不属于受理范围', '无效工单');

-- 居民评价：5 分，已解决 / 回访（beixinyuan.staff 记录）：2 分，未解决
UPDATE ticket_event SET wording = 'RESIDENT_FEEDBACK', note = NULL,
       wording_params = '{"rating":' || SUBSTRING(note FROM 6 FOR 1) || ',"resolved":'
           || CASE WHEN note LIKE '%已解决' THEN 'true' ELSE 'false' END || '}'
 WHERE type = 'FEEDBACK' AND wording IS NULL AND (note LIKE '居民评价：_ 分，已解决' OR note LIKE '居民评价：_ 分，未解决');
UPDATE ticket_event SET wording = 'FOLLOW_UP_FEEDBACK', note = NULL,
       wording_params = '{"recordedBy":"'
           || REPLACE(REPLACE(SUBSTRING(note FROM 4 FOR POSITION(' 记录）：' IN note) - 4), '\', '\\'), '"', '\"')
           || '","rating":' || SUBSTRING(note FROM POSITION(' 记录）：' IN note) + 5 FOR 1) || ',"resolved":'
           || CASE WHEN note LIKE '%已解决' THEN 'true' ELSE 'false' END || '}'
 WHERE type = 'FEEDBACK' AND wording IS NULL AND (note LIKE '回访（% 记录）：_ 分，已解决' OR note LIKE '回访（% 记录）：_ 分，未解决');

-- 第 2 次反映（电话）[：what the caller said]; the caller's words stay in the note
UPDATE ticket_event SET wording = 'FURTHER_REPORT',
       wording_params = '{"number":' || SUBSTRING(note FROM 3 FOR POSITION(' 次反映（' IN note) - 3) || ',"channel":"'
           || CASE SUBSTRING(note FROM POSITION('（' IN note) + 1 FOR POSITION('）' IN note) - POSITION('（' IN note) - 1)
               WHEN '电话' THEN 'PHONE' WHEN '来访' THEN 'WALK_IN' WHEN '12345 热线' THEN 'HOTLINE_12345'
               WHEN '网上' THEN 'WEB' ELSE 'OPEN311' END || '"}',
       note = CASE WHEN LENGTH(note) > POSITION('）' IN note) + 1 THEN SUBSTRING(note FROM POSITION('）' IN note) + 2) END
 WHERE type = 'REPORT_ADDED' AND wording IS NULL AND note LIKE '第 % 次反映（%）%'
   AND SUBSTRING(note FROM POSITION('（' IN note) + 1 FOR POSITION('）' IN note) - POSITION('（' IN note) - 1)
       IN ('电话', '来访', '12345 热线', '网上', 'Open311');

-- resolution（原因：root cause）: the resolution stays in the note, the cause (typed too) becomes a parameter
UPDATE ticket_event SET wording = 'RESOLVED_WITH_CAUSE',
       wording_params = '{"cause":"' || REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
           SUBSTRING(note FROM POSITION('（原因：' IN note) + 4 FOR LENGTH(note) - POSITION('（原因：' IN note) - 4),
           '\', '\\'), '"', '\"'), CHR(10), '\n'), CHR(13), '\r'), CHR(9), '\t') || '"}',
       note = SUBSTRING(note FROM 1 FOR POSITION('（原因：' IN note) - 1)
 WHERE type = 'RESOLVED' AND wording IS NULL AND note LIKE '_%（原因：%）';

-- A dispatch to one organization, named as the directory names it: 通达管道专业清掏队（牵头）
UPDATE ticket_event SET wording = 'ASSIGNED', note = NULL,
       wording_params = (SELECT '{"assignments":[{"code":"' || o.code || '","zh":"' || o.name_zh || '","en":"'
           || REPLACE(o.name_en, '"', '\"') || '","role":"LEAD"}]}'
           FROM organization o WHERE ticket_event.note = o.name_zh || '（牵头）')
 WHERE type = 'DISPATCHED' AND wording IS NULL
   AND (SELECT COUNT(*) FROM organization o WHERE ticket_event.note = o.name_zh || '（牵头）') = 1;

-- Notification notices: 短信 139****1234（resident-logged）[：error]
UPDATE ticket_event SET wording = CASE type WHEN 'NOTIFICATION_SENT' THEN 'NOTIFICATION_SENT' ELSE 'NOTIFICATION_FAILED' END,
       wording_params = '{"channel":"' || CASE SUBSTRING(note FROM 1 FOR POSITION(' ' IN note) - 1) WHEN '短信' THEN 'SMS'
               ELSE SUBSTRING(note FROM 1 FOR POSITION(' ' IN note) - 1) END
           || '","recipient":"' || REPLACE(SUBSTRING(note FROM POSITION(' ' IN note) + 1
               FOR POSITION('（' IN note) - POSITION(' ' IN note) - 1), '"', '\"')
           || '","kind":"' || SUBSTRING(note FROM POSITION('（' IN note) + 1 FOR POSITION('）' IN note) - POSITION('（' IN note) - 1)
           || CASE WHEN LENGTH(note) > POSITION('）' IN note) + 1 THEN '","error":"' || REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
               SUBSTRING(note FROM POSITION('）' IN note) + 2), '\', '\\'), '"', '\"'), CHR(10), '\n'), CHR(13), '\r'), CHR(9), '\t')
               ELSE '' END || '"}',
       note = NULL
 WHERE type IN ('NOTIFICATION_SENT', 'NOTIFICATION_FAILED') AND wording IS NULL AND note LIKE '_% _%（_%）%'
   AND SUBSTRING(note FROM 1 FOR POSITION(' ' IN note) - 1) IN ('短信', 'EMAIL', 'WECOM', 'DINGTALK', 'WEBHOOK');
