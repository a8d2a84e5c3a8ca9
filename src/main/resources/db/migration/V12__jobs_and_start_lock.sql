-- Work that must happen once however many instances share the database.

-- One row per piece of start-up work (the first accounts, the demo tickets). An instance takes the row
-- with SELECT ... FOR UPDATE in the transaction that checks and does the work, so a second instance
-- starting at the same moment waits, then finds the work done.
CREATE TABLE start_lock (
    name  VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO start_lock (name) VALUES ('accounts');
INSERT INTO start_lock (name) VALUES ('demo-data');

-- One row per background job: a lease that one instance wins per run (UPDATE ... WHERE lease_until < now),
-- and what the last run did, for operators.
CREATE TABLE scheduled_job (
    name              VARCHAR(64)  NOT NULL PRIMARY KEY,
    lease_until       TIMESTAMP WITH TIME ZONE NOT NULL,
    holder            VARCHAR(128),
    last_started_at   TIMESTAMP WITH TIME ZONE,
    last_finished_at  TIMESTAMP WITH TIME ZONE,
    last_duration_ms  BIGINT,
    last_rows         BIGINT,
    last_error        VARCHAR(1000)
);
INSERT INTO scheduled_job (name, lease_until) VALUES ('auto-close', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
INSERT INTO scheduled_job (name, lease_until) VALUES ('housekeeping', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');

-- Automatic closing looks for RESOLVED tickets whose feedback window has passed, in id order.
CREATE INDEX ix_ticket_status_resolved ON ticket (status, resolved_at, id);
