-- The overdue list (open tickets, soonest due first, 20 of them): with only ix_ticket_due_at to read in order,
-- PostgreSQL walked the due dates of a million finished tickets to find 20 open ones (about 0.5 s).
-- A partial index holds the open tickets alone. H2 has no partial indexes; it uses ix_ticket_status_due.
CREATE INDEX ix_ticket_open_due ON ticket (due_at, id) WHERE status IN ('REPORTED', 'DISPATCHED', 'IN_PROGRESS');
