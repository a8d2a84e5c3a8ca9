-- Accepting an order (签收, issue 13): each organization dispatched to a ticket acknowledges it, against its
-- category's acceptance target. Plain columns, so that the dashboard compares them in SQL on H2 and PostgreSQL.

-- Minutes from a dispatch by which each organization should accept its order. Counted in plain hours for now
-- (ticket.TicketService#acceptanceDueAt); working hours once the working-day calendar lands.
ALTER TABLE service_category ADD COLUMN acceptance_target_minutes INTEGER DEFAULT 120 NOT NULL;
ALTER TABLE service_category ADD CONSTRAINT ck_service_category_acceptance CHECK (acceptance_target_minutes > 0);

-- The seed categories: urgent trouble within half an hour, the rest within one to four hours.
UPDATE service_category SET acceptance_target_minutes = 60  WHERE code = 'sewer-blockage';
UPDATE service_category SET acceptance_target_minutes = 30  WHERE code = 'sewage-overflow';
UPDATE service_category SET acceptance_target_minutes = 30  WHERE code = 'lift-outage';
UPDATE service_category SET acceptance_target_minutes = 240 WHERE code = 'street-light';
UPDATE service_category SET acceptance_target_minutes = 240 WHERE code = 'sanitation';
UPDATE service_category SET acceptance_target_minutes = 480 WHERE code = 'property-dispute';
UPDATE service_category SET acceptance_target_minutes = 30  WHERE code = 'fire-hazard';

-- When each order is due to be accepted (set at the dispatch; NULL for orders from before this migration, which
-- no acceptance figure counts), when it was accepted and by whom (a user name), and the seconds it took.
ALTER TABLE ticket_assignment ADD COLUMN accept_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket_assignment ADD COLUMN accepted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket_assignment ADD COLUMN accepted_by VARCHAR(64);
ALTER TABLE ticket_assignment ADD COLUMN seconds_to_accept BIGINT;
