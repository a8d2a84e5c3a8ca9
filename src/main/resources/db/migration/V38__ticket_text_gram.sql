-- The three-character pieces of each ticket's description and address, for text search on H2 (TextGrams):
-- a key is a gram's hash above the ticket's id. Filled by a trigger on H2 only (db/h2/V38.1); PostgreSQL
-- answers the same searches from its trigram indexes (db/postgresql/V3.1) and leaves this table empty.
CREATE TABLE ticket_text_gram (
    gram_key BIGINT NOT NULL PRIMARY KEY
);
