-- Open tickets get their at-risk time (80% of the time between report and due; see V27). Closed tickets get
-- it if they are reopened. Tickets already at risk or overdue now are marked as of when that happened,
-- without a timeline event: the job tells only what happens from now on.
UPDATE ticket SET at_risk_from = DATEADD(MILLISECOND, CAST(DATEDIFF(MILLISECOND, reported_at, due_at) * 0.8 AS BIGINT), reported_at)
    WHERE status IN ('REPORTED', 'DISPATCHED', 'IN_PROGRESS');
UPDATE ticket SET at_risk_marked_at = at_risk_from
    WHERE status IN ('REPORTED', 'DISPATCHED', 'IN_PROGRESS') AND at_risk_from <= CURRENT_TIMESTAMP;
UPDATE ticket SET overdue_marked_at = due_at
    WHERE status IN ('REPORTED', 'DISPATCHED', 'IN_PROGRESS') AND due_at < CURRENT_TIMESTAMP;
