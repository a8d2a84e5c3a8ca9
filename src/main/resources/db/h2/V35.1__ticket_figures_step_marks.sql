-- A return, an extension request or decision, or an urging marks its ticket's report day stale (FigureMarkTrigger),
-- as feedback and orders do (V34.1): the unit ranking's rows (V35) count them. PostgreSQL: V35.1 there.
CREATE TRIGGER ticket_figures_mark_return AFTER INSERT, UPDATE, DELETE ON ticket_return
    FOR EACH ROW CALL 'org.communitydesk.dashboard.FigureMarkTrigger';
CREATE TRIGGER ticket_figures_mark_extension AFTER INSERT, UPDATE, DELETE ON ticket_extension
    FOR EACH ROW CALL 'org.communitydesk.dashboard.FigureMarkTrigger';
CREATE TRIGGER ticket_figures_mark_urging AFTER INSERT, UPDATE, DELETE ON ticket_urging
    FOR EACH ROW CALL 'org.communitydesk.dashboard.FigureMarkTrigger';
