-- The tally trigger created anew, so that TicketTallyTrigger sees ticket_tally's stripes (V33) and counts in them.
DROP TRIGGER ticket_tally;
CREATE TRIGGER ticket_tally AFTER INSERT, UPDATE, DELETE ON ticket
    FOR EACH ROW CALL 'org.communitydesk.ticket.TicketTallyTrigger';
