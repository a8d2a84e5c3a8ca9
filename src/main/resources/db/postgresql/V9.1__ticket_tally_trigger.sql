-- Keeps ticket_tally (V9) equal to the tickets' counts per community, category and status, whoever writes
-- the ticket. The H2 twin is org.communitydesk.ticket.TicketTallyTrigger (db/h2/V9.1).
CREATE FUNCTION ticket_tally_count(p_street_office BIGINT, p_community BIGINT, p_category BIGINT,
        p_status VARCHAR, p_change INTEGER) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ticket_tally SET tickets = tickets + p_change
     WHERE community_id = p_community AND category_id = p_category AND status = p_status;
    IF NOT FOUND THEN
        INSERT INTO ticket_tally (street_office_id, community_id, category_id, status, tickets)
        VALUES (p_street_office, p_community, p_category, p_status, p_change);
    END IF;
END $$;

CREATE FUNCTION ticket_tally_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM ticket_tally_count(NEW.street_office_id, NEW.community_id, NEW.category_id, NEW.status, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM ticket_tally_count(OLD.street_office_id, OLD.community_id, OLD.category_id, OLD.status, -1);
    ELSIF (OLD.community_id, OLD.category_id, OLD.status) <> (NEW.community_id, NEW.category_id, NEW.status) THEN
        -- The two rows in key order, so that two moves in opposite directions never wait for each other.
        IF (OLD.community_id, OLD.category_id, OLD.status) < (NEW.community_id, NEW.category_id, NEW.status) THEN
            PERFORM ticket_tally_count(OLD.street_office_id, OLD.community_id, OLD.category_id, OLD.status, -1);
            PERFORM ticket_tally_count(NEW.street_office_id, NEW.community_id, NEW.category_id, NEW.status, 1);
        ELSE
            PERFORM ticket_tally_count(NEW.street_office_id, NEW.community_id, NEW.category_id, NEW.status, 1);
            PERFORM ticket_tally_count(OLD.street_office_id, OLD.community_id, OLD.category_id, OLD.status, -1);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ticket_tally AFTER INSERT OR DELETE OR UPDATE OF community_id, category_id, status ON ticket
    FOR EACH ROW EXECUTE FUNCTION ticket_tally_change();
