-- The acceptance target (签收, issue 13) counted in working time: acceptance_target_minutes are minutes of working
-- hours (communitydesk.calendar.working-hours, on working days of the calendar) unless the unit is HOURS (wall-clock
-- minutes, nights and holidays included). Only the two: a target of minutes has no working-day form.
ALTER TABLE service_category ADD COLUMN acceptance_target_unit VARCHAR(16) DEFAULT 'WORKING_HOURS' NOT NULL;
ALTER TABLE service_category ADD CONSTRAINT ck_service_category_acceptance_unit
    CHECK (acceptance_target_unit IN ('HOURS', 'WORKING_HOURS'));

-- Urgent trouble is accepted at any hour: a sewage overflow at night is accepted at night.
UPDATE service_category SET acceptance_target_unit = 'HOURS'
    WHERE code IN ('sewage-overflow', 'lift-outage', 'fire-hazard');
