-- Possible duplicates (TicketService.duplicatesAt, on every intake and every staff view of a ticket at a compound)
-- are the ten newest open tickets of the same category at the same compound within 72 hours. ix_ticket_site_category
-- (V33) holds every ticket of the compound, so PostgreSQL read each call of the window, most of them closed, to find
-- the open ones: 20 ms a view at 10,000,000 tickets, where a busy compound has some 1,700 calls in 72 hours. This
-- partial index holds only the open ones, in the query's order. H2 has no partial indexes (see V33 for its order).
CREATE INDEX ix_ticket_open_site_category ON ticket (site_id, category_id, reported_at DESC, id DESC)
    WHERE status IN ('REPORTED', 'DISPATCHED', 'IN_PROGRESS');
