-- Every ticket's grams (V38) now, and from now on with each ticket written (TicketTextGramTrigger).
CREATE TRIGGER ticket_text_gram AFTER INSERT, UPDATE, DELETE ON ticket
    FOR EACH ROW CALL 'org.communitydesk.ticket.TicketTextGramTrigger';
CREATE ALIAS index_ticket_text FOR 'org.communitydesk.ticket.TicketTextGramTrigger.indexAll';
CALL index_ticket_text();
DROP ALIAS index_ticket_text;
