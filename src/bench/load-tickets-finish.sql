-- After the last chunk: the app's next ticket id and tracking number come after the synthetic ones
-- (explicit ids do not move an identity column, nor do codes move the sequence).
ALTER TABLE ticket ALTER COLUMN id RESTART WITH @NEXT_ID@;
ALTER SEQUENCE ticket_code_seq RESTART WITH @NEXT_CODE@;
