-- Keeps ticket_tally (V9) equal to the tickets' counts per community, category and status, whoever writes
-- the ticket. The PostgreSQL twin is db/postgresql/V9.1. H2 loads the class from the application: a tool
-- that opens the database file without it can read, but not change tickets.
CREATE TRIGGER ticket_tally AFTER INSERT, UPDATE, DELETE ON ticket
    FOR EACH ROW CALL 'org.communitydesk.ticket.TicketTallyTrigger';
