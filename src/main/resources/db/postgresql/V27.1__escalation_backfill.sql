-- Open tickets get their at-risk time (80% of the time between report and due; see V27). Closed tickets get
-- it if they are reopened. Tickets already at risk or overdue now are marked as of when that happened,
-- without a timeline event: the job tells only what happens from now on.
UPDATE ticket SET at_risk_from = reported_at + (due_at - reported_at) * 0.8,
                  at_risk_marked_at = CASE WHEN reported_at + (due_at - reported_at) * 0.8 <= now()
                                           THEN reported_at + (due_at - reported_at) * 0.8 END,
                  overdue_marked_at = CASE WHEN due_at < now() THEN due_at END
    WHERE status IN ('REPORTED', 'DISPATCHED', 'IN_PROGRESS');
