-- ticket_tally (V9) in 16 stripes: a ticket counts in the stripe of its id modulo 16, all its life. Each write of a
-- ticket locks its tally row until the commit, so with one row per community, category and status every intake
-- of the same kind waited for the one before it (intake at one compound ran one at a time). Readers sum the
-- stripes, as they already summed communities. Counting again here puts every existing ticket in its stripe.
ALTER TABLE ticket_tally ADD COLUMN stripe SMALLINT DEFAULT 0 NOT NULL;
ALTER TABLE ticket_tally DROP CONSTRAINT pk_ticket_tally;
DELETE FROM ticket_tally;
INSERT INTO ticket_tally (street_office_id, community_id, category_id, status, stripe, tickets)
SELECT street_office_id, community_id, category_id, status, MOD(id, 16), COUNT(*)
FROM ticket
GROUP BY street_office_id, community_id, category_id, status, MOD(id, 16);
ALTER TABLE ticket_tally ADD CONSTRAINT pk_ticket_tally PRIMARY KEY (community_id, category_id, status, stripe);
ALTER TABLE ticket_tally ADD CONSTRAINT ck_ticket_tally_stripe CHECK (stripe >= 0 AND stripe < 16);

-- The possible duplicates of a call (the newest ten open tickets of its category at its site) read in index order
-- and stop after ten, instead of reading and sorting every ticket of the site's category in 72 hours.
DROP INDEX ix_ticket_site_category;
CREATE INDEX ix_ticket_site_category ON ticket (site_id, category_id, reported_at DESC, id DESC);
