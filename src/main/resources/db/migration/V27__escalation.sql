-- Escalation (issue 13, step 7): a ticket is at risk once 80% of its time to resolve has passed, and overdue
-- after its due time. The escalation job marks each once, with an INTERNAL timeline event; the marks are kept
-- here so that a second run, or a second instance, never marks a ticket twice.
ALTER TABLE ticket ADD COLUMN at_risk_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN at_risk_marked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN overdue_marked_at TIMESTAMP WITH TIME ZONE;

-- The job's and the queue's "at risk": open tickets by the time they become at risk.
CREATE INDEX ix_ticket_status_at_risk ON ticket (status, at_risk_from);

INSERT INTO scheduled_job (name, lease_until) VALUES ('escalation', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
