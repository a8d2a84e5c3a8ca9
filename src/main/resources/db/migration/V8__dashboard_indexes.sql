-- Indexes for the dashboard at a million tickets (src/bench; figures in the README).

-- The period's tickets, with every column the dashboard's figures read, so that each figure is a range of
-- this index and not a lookup of every ticket's row (H2 reads the row otherwise, one per ticket in the
-- period, several times per dashboard). It starts with reported_at, so it replaces the plain index.
DROP INDEX ix_ticket_reported_at;
CREATE INDEX ix_ticket_reported_figures ON ticket (reported_at, street_office_id, community_id, category_id,
    lead_organization_id, status, seconds_to_dispatch, seconds_to_resolve, dispatched_at, dispatch_due_at,
    resolved_at, due_at, reopen_count, site_id, cancel_reason);

-- One street office or community: its open tickets (backlog, overdue list) and its resolutions by week.
-- Without these they were read through the area's index, i.e. every ticket the area ever had (3.5 s each
-- on H2 at 1,000,000 tickets).
CREATE INDEX ix_ticket_status_street_office ON ticket (status, street_office_id, due_at);
CREATE INDEX ix_ticket_status_community     ON ticket (status, community_id, due_at);
CREATE INDEX ix_ticket_street_office_resolved ON ticket (street_office_id, resolved_at);
CREATE INDEX ix_ticket_community_resolved     ON ticket (community_id, resolved_at);
