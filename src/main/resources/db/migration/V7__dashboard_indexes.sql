-- The dashboard's weekly trend counts resolutions by week: without this it reads every ticket.
CREATE INDEX ix_ticket_resolved_at ON ticket (resolved_at);
