-- PostgreSQL only: trigram indexes so that the ticket list's text filter (q, an ILIKE on
-- description and address detail) uses an index. pg_trgm is a trusted extension (PostgreSQL 13+):
-- the owner of the database may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_ticket_description_trgm ON ticket USING gin (description gin_trgm_ops);
CREATE INDEX ix_ticket_address_trgm ON ticket USING gin (address_detail gin_trgm_ops);
