-- The tally trigger (V9.1) counts each ticket in its stripe (V33), and adds a missing row without a race: two
-- first tickets of a new community, category and status no longer both try to insert it.
DROP TRIGGER ticket_tally ON ticket;
DROP FUNCTION ticket_tally_change();
DROP FUNCTION ticket_tally_count(BIGINT, BIGINT, BIGINT, VARCHAR, INTEGER);

CREATE FUNCTION ticket_tally_count(p_street_office BIGINT, p_community BIGINT, p_category BIGINT,
        p_status VARCHAR, p_stripe SMALLINT, p_change INTEGER) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ticket_tally SET tickets = tickets + p_change
     WHERE community_id = p_community AND category_id = p_category AND status = p_status AND stripe = p_stripe;
    IF NOT FOUND THEN
        -- Not an upsert from the start: the CHECK would refuse a proposed row of -1 even where a row exists.
        INSERT INTO ticket_tally AS x (street_office_id, community_id, category_id, status, stripe, tickets)
        VALUES (p_street_office, p_community, p_category, p_status, p_stripe, p_change)
        ON CONFLICT (community_id, category_id, status, stripe) DO UPDATE SET tickets = x.tickets + EXCLUDED.tickets;
    END IF;
END $$;

CREATE FUNCTION ticket_tally_change() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    v_stripe SMALLINT := (COALESCE(NEW.id, OLD.id) % 16)::SMALLINT;
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM ticket_tally_count(NEW.street_office_id, NEW.community_id, NEW.category_id, NEW.status, v_stripe, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM ticket_tally_count(OLD.street_office_id, OLD.community_id, OLD.category_id, OLD.status, v_stripe, -1);
    ELSIF (OLD.community_id, OLD.category_id, OLD.status) <> (NEW.community_id, NEW.category_id, NEW.status) THEN
        -- The two rows in key order, so that two moves in opposite directions never wait for each other.
        IF (OLD.community_id, OLD.category_id, OLD.status) < (NEW.community_id, NEW.category_id, NEW.status) THEN
            PERFORM ticket_tally_count(OLD.street_office_id, OLD.community_id, OLD.category_id, OLD.status, v_stripe, -1);
            PERFORM ticket_tally_count(NEW.street_office_id, NEW.community_id, NEW.category_id, NEW.status, v_stripe, 1);
        ELSE
            PERFORM ticket_tally_count(NEW.street_office_id, NEW.community_id, NEW.category_id, NEW.status, v_stripe, 1);
            PERFORM ticket_tally_count(OLD.street_office_id, OLD.community_id, OLD.category_id, OLD.status, v_stripe, -1);
        END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ticket_tally AFTER INSERT OR DELETE OR UPDATE OF community_id, category_id, status ON ticket
    FOR EACH ROW EXECUTE FUNCTION ticket_tally_change();
