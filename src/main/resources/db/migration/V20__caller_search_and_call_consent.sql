-- The queue finds a caller's tickets by phone or name (offices only): indexes, so that a search
-- reads the matching rows and never scans a million tickets.
CREATE INDEX ix_ticket_reporter_phone ON ticket (reporter_phone);
CREATE INDEX ix_ticket_reporter_name  ON ticket (reporter_name);
CREATE INDEX ix_report_reporter_phone ON ticket_report (reporter_phone);
CREATE INDEX ix_report_reporter_name  ON ticket_report (reporter_name);

-- The caller agreed at intake that the crew handling the ticket may phone them (to arrange access).
ALTER TABLE ticket ADD COLUMN crew_may_call BOOLEAN DEFAULT FALSE NOT NULL;
