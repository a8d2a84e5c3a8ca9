-- The moments at which a stored day's figures change by the clock alone (issue 22): a dispatch target, an acceptance
-- target or a due time passing, or the 7 days in which a resident may dispute a resolution ending. One row per
-- ticket and change, written with the day's rows (FigureRollups.compute) for the changes still ahead then; a reader
-- adds those whose moment has passed (FigureScan.PendingChange), so that a stored day stays usable until a write
-- marks it, instead of being read from the tickets again whenever the clock passes one of them. valid_until in
-- ticket_figures_day is now the first of a day's moments, and the job folds passed ones into the day's rows.
CREATE TABLE ticket_figures_pending (
    report_day           DATE                     NOT NULL,
    street_office_id     BIGINT                   NOT NULL,
    community_id         BIGINT                   NOT NULL,
    category_id          BIGINT                   NOT NULL,
    lead_organization_id BIGINT,
    kind                 VARCHAR(16)              NOT NULL,
    moment               TIMESTAMP WITH TIME ZONE NOT NULL,
    -- ACCEPT_DUE: the organization the order names (the unit ranking's row).
    organization_id      BIGINT,
    -- OVERDUE: the compound whose late count it raises (null without one, or for a duplicate).
    site_id              BIGINT
);
CREATE INDEX ix_ticket_figures_pending_day ON ticket_figures_pending (report_day, moment);

-- Days stored with a valid_until have no pending rows: the job computes them again. The others change by no clock.
DELETE FROM ticket_figures_day WHERE valid_until IS NOT NULL;
