-- Marks the days whose figures (V34) a write makes stale: a ticket's report day, and its resolution day (the weekly
-- chart counts resolutions by day), before and after the write; for feedback and orders, their ticket's report day.
-- H2 runs the same rules in FigureMarkTrigger (db/h2/V34.1).
CREATE FUNCTION ticket_figures_mark_ticket() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO ticket_figures_stale (moment) VALUES (OLD.reported_at);
        IF OLD.resolved_at IS NOT NULL THEN
            INSERT INTO ticket_figures_stale (moment) VALUES (OLD.resolved_at);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        IF TG_OP = 'INSERT' OR NEW.reported_at <> OLD.reported_at THEN
            INSERT INTO ticket_figures_stale (moment) VALUES (NEW.reported_at);
        END IF;
        IF NEW.resolved_at IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.resolved_at IS DISTINCT FROM OLD.resolved_at) THEN
            INSERT INTO ticket_figures_stale (moment) VALUES (NEW.resolved_at);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION ticket_figures_mark_child() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ticket_figures_stale (moment)
    SELECT t.reported_at FROM ticket t WHERE t.id = COALESCE(NEW.ticket_id, OLD.ticket_id);
    IF TG_OP = 'UPDATE' AND NEW.ticket_id <> OLD.ticket_id THEN
        INSERT INTO ticket_figures_stale (moment) SELECT t.reported_at FROM ticket t WHERE t.id = OLD.ticket_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ticket_figures_mark_new AFTER INSERT OR DELETE ON ticket
    FOR EACH ROW EXECUTE FUNCTION ticket_figures_mark_ticket();
-- Only writes that change what a figure reads: the marks of risk and escalation, notes and versions do not.
CREATE TRIGGER ticket_figures_mark_change AFTER UPDATE ON ticket
    FOR EACH ROW WHEN ((OLD.reported_at, OLD.street_office_id, OLD.community_id, OLD.category_id,
                        OLD.lead_organization_id, OLD.site_id, OLD.status, OLD.dispatched_at, OLD.dispatch_due_at,
                        OLD.resolved_at, OLD.due_at, OLD.paused_at, OLD.seconds_to_dispatch, OLD.seconds_to_resolve,
                        OLD.reopen_count, OLD.cancel_reason, OLD.cancelled_at)
                   IS DISTINCT FROM (NEW.reported_at, NEW.street_office_id, NEW.community_id, NEW.category_id,
                        NEW.lead_organization_id, NEW.site_id, NEW.status, NEW.dispatched_at, NEW.dispatch_due_at,
                        NEW.resolved_at, NEW.due_at, NEW.paused_at, NEW.seconds_to_dispatch, NEW.seconds_to_resolve,
                        NEW.reopen_count, NEW.cancel_reason, NEW.cancelled_at))
    EXECUTE FUNCTION ticket_figures_mark_ticket();
CREATE TRIGGER ticket_figures_mark AFTER INSERT OR UPDATE OR DELETE ON ticket_feedback
    FOR EACH ROW EXECUTE FUNCTION ticket_figures_mark_child();
CREATE TRIGGER ticket_figures_mark AFTER INSERT OR UPDATE OR DELETE ON ticket_assignment
    FOR EACH ROW EXECUTE FUNCTION ticket_figures_mark_child();
