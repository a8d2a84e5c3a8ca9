-- Sanity check of a loaded database (src/bench/load-tickets.sh <db> check), on H2 and PostgreSQL.
-- One row per figure; every "broken:" row must be 0. @NOW@ is the time of the check (epoch seconds).
SELECT item, n FROM (
    SELECT 1 AS k, 'tickets' AS item, COUNT(*) AS n FROM ticket
    UNION ALL SELECT 2, 'status ' || status, COUNT(*) FROM ticket GROUP BY status
    UNION ALL SELECT 3, 'open now', COUNT(*) FROM ticket WHERE status IN ('REPORTED', 'DISPATCHED', 'IN_PROGRESS')
    UNION ALL SELECT 4, 'open and overdue now', COUNT(*) FROM ticket
        WHERE status IN ('REPORTED', 'DISPATCHED', 'IN_PROGRESS') AND EXTRACT(EPOCH FROM due_at) < @NOW@
    UNION ALL SELECT 5, 'reported in the last 30 days', COUNT(*) FROM ticket WHERE EXTRACT(EPOCH FROM reported_at) >= @NOW@ - 30 * 86400
    UNION ALL SELECT 6, 'days between first and last report',
        CAST((MAX(EXTRACT(EPOCH FROM reported_at)) - MIN(EXTRACT(EPOCH FROM reported_at))) / 86400 AS BIGINT) FROM ticket
    UNION ALL SELECT 7, 'resolved within SLA, per mille',
        1000 * SUM(CASE WHEN resolved_at <= due_at THEN 1 ELSE 0 END) / COUNT(*) FROM ticket WHERE resolved_at IS NOT NULL
    UNION ALL SELECT 8, 'dispatched on time, per mille',
        1000 * SUM(CASE WHEN dispatched_at <= dispatch_due_at THEN 1 ELSE 0 END) / COUNT(*) FROM ticket WHERE dispatched_at IS NOT NULL
    UNION ALL SELECT 9, 'reopened', COUNT(*) FROM ticket WHERE reopen_count > 0
    UNION ALL SELECT 10, 'with a second call', COUNT(*) FROM ticket WHERE report_count > 1
    UNION ALL SELECT 11, 'category ' || c.code, COUNT(*) FROM ticket t JOIN service_category c ON c.id = t.category_id GROUP BY c.code
    UNION ALL SELECT 12, 'community ' || a.code, COUNT(*) FROM ticket t JOIN area a ON a.id = t.community_id GROUP BY a.code
    UNION ALL SELECT 13, 'assignments', COUNT(*) FROM ticket_assignment
    UNION ALL SELECT 14, 'feedback', COUNT(*) FROM ticket_feedback
    UNION ALL SELECT 15, 'feedback rated 4 or 5, per mille', 1000 * SUM(CASE WHEN rating >= 4 THEN 1 ELSE 0 END) / COUNT(*) FROM ticket_feedback
    UNION ALL SELECT 16, 'events', COUNT(*) FROM ticket_event
    UNION ALL SELECT 17, 'extra reports', COUNT(*) FROM ticket_report
    -- Invariants of Ticket and TicketStatus.
    UNION ALL SELECT 20, 'broken: milestones out of order', COUNT(*) FROM ticket
        WHERE dispatched_at < reported_at OR started_at < dispatched_at OR resolved_at < started_at
           OR closed_at < resolved_at OR cancelled_at < reported_at OR updated_at < reported_at
    UNION ALL SELECT 21, 'broken: a time in the future', COUNT(*) FROM ticket
        WHERE EXTRACT(EPOCH FROM updated_at) > @NOW@ OR EXTRACT(EPOCH FROM reported_at) > @NOW@
    UNION ALL SELECT 22, 'broken: status and milestones disagree', COUNT(*) FROM ticket
        WHERE (status = 'REPORTED' AND (dispatched_at IS NOT NULL OR resolved_at IS NOT NULL OR closed_at IS NOT NULL OR cancelled_at IS NOT NULL))
           OR (status = 'DISPATCHED' AND (dispatched_at IS NULL OR resolved_at IS NOT NULL OR closed_at IS NOT NULL OR cancelled_at IS NOT NULL))
           OR (status = 'IN_PROGRESS' AND (started_at IS NULL OR resolved_at IS NOT NULL OR closed_at IS NOT NULL OR cancelled_at IS NOT NULL))
           OR (status = 'RESOLVED' AND (resolved_at IS NULL OR closed_at IS NOT NULL OR cancelled_at IS NOT NULL))
           OR (status = 'CLOSED' AND (resolved_at IS NULL OR closed_at IS NULL OR cancelled_at IS NOT NULL))
           OR (status = 'CANCELLED' AND (cancelled_at IS NULL OR cancel_reason IS NULL OR resolved_at IS NOT NULL))
           OR (cancel_reason = 'DUPLICATE') <> (duplicate_of_id IS NOT NULL)
    UNION ALL SELECT 23, 'broken: stored durations', COUNT(*) FROM ticket
        WHERE (seconds_to_dispatch IS NULL) <> (dispatched_at IS NULL) OR (seconds_to_resolve IS NULL) <> (resolved_at IS NULL)
           OR (seconds_to_close IS NULL) <> (closed_at IS NULL)
           OR seconds_to_dispatch <> EXTRACT(EPOCH FROM dispatched_at) - EXTRACT(EPOCH FROM reported_at)
           OR seconds_to_resolve <> EXTRACT(EPOCH FROM resolved_at) - EXTRACT(EPOCH FROM reported_at)
           OR seconds_to_close <> EXTRACT(EPOCH FROM closed_at) - EXTRACT(EPOCH FROM reported_at)
    UNION ALL SELECT 24, 'broken: due times off the category SLA', COUNT(*) FROM ticket t JOIN service_category c ON c.id = t.category_id
        WHERE EXTRACT(EPOCH FROM t.due_at) - EXTRACT(EPOCH FROM t.reported_at) <> 3600 * CASE t.priority
                  WHEN 'URGENT' THEN c.resolve_hours_urgent WHEN 'LOW' THEN c.resolve_hours_low ELSE c.resolve_hours_normal END
           OR EXTRACT(EPOCH FROM t.dispatch_due_at) - EXTRACT(EPOCH FROM t.reported_at) <> 3600 * CASE t.priority
                  WHEN 'URGENT' THEN c.dispatch_hours_urgent WHEN 'LOW' THEN c.dispatch_hours_low ELSE c.dispatch_hours_normal END
    UNION ALL SELECT 25, 'broken: lead organization without one active LEAD', COUNT(*) FROM ticket t
        WHERE (t.lead_organization_id IS NULL) <> (t.dispatched_at IS NULL)
           OR (t.lead_organization_id IS NOT NULL AND 1 <> (SELECT COUNT(*) FROM ticket_assignment a
               WHERE a.ticket_id = t.id AND a.role = 'LEAD' AND a.released_at IS NULL AND a.organization_id = t.lead_organization_id))
    UNION ALL SELECT 26, 'broken: site outside the community', COUNT(*) FROM ticket t JOIN site s ON s.id = t.site_id
        WHERE s.community_id <> t.community_id
    UNION ALL SELECT 27, 'broken: street office not the community''s', COUNT(*) FROM ticket t JOIN area a ON a.id = t.community_id
        WHERE a.parent_id <> t.street_office_id
    UNION ALL SELECT 28, 'broken: report_count', COUNT(*) FROM ticket t
        WHERE t.report_count <> 1 + (SELECT COUNT(*) FROM ticket_report r WHERE r.ticket_id = t.id)
    UNION ALL SELECT 29, 'broken: feedback on no resolution or given late', COUNT(*) FROM ticket_feedback f JOIN ticket t ON t.id = f.ticket_id
        WHERE f.given_at < f.resolved_at OR EXTRACT(EPOCH FROM f.given_at) - EXTRACT(EPOCH FROM f.resolved_at) > 7 * 86400
           OR (f.resolved AND f.resolved_at <> t.resolved_at) OR (NOT f.resolved AND t.reopen_count = 0)
    UNION ALL SELECT 30, 'broken: ticket without its REPORTED event', COUNT(*) FROM ticket t
        WHERE NOT EXISTS (SELECT 1 FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'REPORTED')
    UNION ALL SELECT 31, 'broken: ticket_tally rows that differ from counting', COUNT(*) FROM
        (SELECT community_id, category_id, status, SUM(tickets) AS tickets FROM ticket_tally
         GROUP BY community_id, category_id, status) x
        LEFT JOIN (SELECT community_id, category_id, status, COUNT(*) AS n FROM ticket
                   GROUP BY community_id, category_id, status) c
          ON c.community_id = x.community_id AND c.category_id = x.category_id AND c.status = x.status
        WHERE COALESCE(c.n, 0) <> x.tickets
    -- And from counting's side: a group of tickets that has no tally row at all.
    UNION ALL SELECT 32, 'broken: tickets counted that ticket_tally lacks', COUNT(*) FROM
        (SELECT community_id, category_id, status FROM ticket GROUP BY community_id, category_id, status) c
        WHERE NOT EXISTS (SELECT 1 FROM ticket_tally x
            WHERE x.community_id = c.community_id AND x.category_id = c.category_id AND x.status = c.status)
) checks
ORDER BY k, item
