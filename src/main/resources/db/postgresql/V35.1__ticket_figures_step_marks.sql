-- A return, an extension request or decision, or an urging marks its ticket's report day stale, as feedback and
-- orders do (V34.1): the unit ranking's rows (V35) count them.
CREATE TRIGGER ticket_figures_mark AFTER INSERT OR UPDATE OR DELETE ON ticket_return
    FOR EACH ROW EXECUTE FUNCTION ticket_figures_mark_child();
CREATE TRIGGER ticket_figures_mark AFTER INSERT OR UPDATE OR DELETE ON ticket_extension
    FOR EACH ROW EXECUTE FUNCTION ticket_figures_mark_child();
CREATE TRIGGER ticket_figures_mark AFTER INSERT OR UPDATE OR DELETE ON ticket_urging
    FOR EACH ROW EXECUTE FUNCTION ticket_figures_mark_child();
