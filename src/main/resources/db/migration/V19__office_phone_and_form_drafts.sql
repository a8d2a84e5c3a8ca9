-- The community office's phone: the status page gives it to residents (a ticket blocked after too many wrong
-- access codes, or any question), and the directory API shows it. Nullable: not every area has an office line.
ALTER TABLE area ADD COLUMN office_phone VARCHAR(20);

-- Reference values for the Datong communities (demo numbers in the city's 0352 area code).
UPDATE area SET office_phone = '0352-2041186' WHERE code = 'beixinyuan';
UPDATE area SET office_phone = '0352-2046213' WHERE code = 'yingbinlu';
UPDATE area SET office_phone = '0352-2043378' WHERE code = 'zhenxingjie';
UPDATE area SET office_phone = '0352-5123460' WHERE code = 'yujinyuan';
UPDATE area SET office_phone = '0352-2287155' WHERE code = 'qingyuanxijie';
UPDATE area SET office_phone = '0352-4012239' WHERE code = 'huaiyuan';

-- A form posted after the session ended, kept for the same browser until it signs in again (common.FormDrafts):
-- what was typed (a caller's name and phone among it) for at most 30 minutes, then removed by housekeeping.
CREATE TABLE form_draft (
    id          VARCHAR(32)    NOT NULL PRIMARY KEY,
    page        VARCHAR(200)   NOT NULL,
    username    VARCHAR(64)    NOT NULL,
    fields      VARCHAR(60000) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_form_draft_expiry ON form_draft (expires_at);
