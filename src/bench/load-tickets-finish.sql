-- After the last chunk: the app's next ticket id and tracking number come after the synthetic ones
-- (explicit ids do not move an identity column, nor do codes move the sequence).
ALTER TABLE ticket ALTER COLUMN id RESTART WITH @NEXT_ID@;
ALTER SEQUENCE ticket_code_seq RESTART WITH @NEXT_CODE@;
-- Synthetic tickets are demo data: the service refuses demo data (and the benchmark's demo users) on a
-- database holding any ticket that is not marked as demo (V14).
INSERT INTO demo_ticket (ticket_id) SELECT t.id FROM ticket t WHERE NOT EXISTS (SELECT 1 FROM demo_ticket d WHERE d.ticket_id = t.id);
