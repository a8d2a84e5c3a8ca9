-- Issue 14, continued: signed webhooks for integrations, and e-mail to staff and supervisors.

-- Integrations (a 12345 platform, a city dashboard) are a third kind of target: a webhook with the event types it wants.
ALTER TABLE notification_target DROP CONSTRAINT ck_notification_target_audience;
ALTER TABLE notification_target ADD CONSTRAINT ck_notification_target_audience
    CHECK (audience IN ('ORGANIZATION', 'SUPERVISOR', 'INTEGRATION'));
-- Comma-separated event types a webhook wants (REPORTED, DISPATCHED, ..., OVERDUE); null for robots.
ALTER TABLE notification_target ADD COLUMN event_types VARCHAR(500);
-- The organization a webhook speaks for: callers' names and phones go to it only when it leads the ticket.
ALTER TABLE notification_target ADD COLUMN organization_code VARCHAR(40);

ALTER TABLE notification DROP CONSTRAINT ck_notification_audience;
ALTER TABLE notification ADD CONSTRAINT ck_notification_audience
    CHECK (audience IN ('RESIDENT', 'ORGANIZATION', 'SUPERVISOR', 'INTEGRATION'));

-- Where staff, supervisors and contractors get e-mail; optional.
ALTER TABLE app_user ADD COLUMN email VARCHAR(254);
