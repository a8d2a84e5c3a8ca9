-- The unit ranking's counts per report day (issue 22), beside ticket_figures (V34): orders to accept, returns,
-- extension requests and urgings per day, community and the organization they name (UnitGroup), and the
-- resolutions late only against the original due time per lead organization. Written and read like ticket_figures;
-- the step tables mark their ticket's day stale (V35.1 of each database).
CREATE TABLE ticket_figures_unit (
    report_day            DATE    NOT NULL,
    street_office_id      BIGINT  NOT NULL,
    community_id          BIGINT  NOT NULL,
    organization_id       BIGINT,
    acceptance_counted    INTEGER NOT NULL,
    accepted_in_time      INTEGER NOT NULL,
    returns               INTEGER NOT NULL,
    extensions_requested  INTEGER NOT NULL,
    extensions_approved   INTEGER NOT NULL,
    urgings               INTEGER NOT NULL,
    late_only_by_original INTEGER NOT NULL
);
CREATE INDEX ix_ticket_figures_unit_day ON ticket_figures_unit (report_day, street_office_id, community_id);

-- Days stored before this table existed have no unit rows: the figures job computes every day again.
DELETE FROM ticket_figures_day;
