-- Marks the days whose figures (V34) a write makes stale; the rules are FigureMarkTrigger's (PostgreSQL: V34.1 there).
CREATE TRIGGER ticket_figures_mark AFTER INSERT, UPDATE, DELETE ON ticket
    FOR EACH ROW CALL 'org.communitydesk.dashboard.FigureMarkTrigger';
CREATE TRIGGER ticket_figures_mark_feedback AFTER INSERT, UPDATE, DELETE ON ticket_feedback
    FOR EACH ROW CALL 'org.communitydesk.dashboard.FigureMarkTrigger';
CREATE TRIGGER ticket_figures_mark_assignment AFTER INSERT, UPDATE, DELETE ON ticket_assignment
    FOR EACH ROW CALL 'org.communitydesk.dashboard.FigureMarkTrigger';
