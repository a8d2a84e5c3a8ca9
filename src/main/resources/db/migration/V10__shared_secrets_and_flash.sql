-- Keys every instance on this database shares: the pages' sign-in cookie key (the CSRF key is derived
-- from it). security.SessionKeySource creates this schema and table itself when a new database starts
-- (the key is needed before Flyway runs), in a schema of its own so that Flyway still finds its schema
-- empty; hence IF NOT EXISTS here. Never logged, never sent anywhere.
CREATE SCHEMA IF NOT EXISTS cd_keys;
CREATE TABLE IF NOT EXISTS cd_keys.shared_secret (
    name        VARCHAR(32)  NOT NULL PRIMARY KEY,
    secret      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Messages that outlive a Post/Redirect/Get (console.Flash): the redirect carries the random id in a
-- cookie, the next page of that ticket (or the page the redirect goes to, without a ticket) takes the row
-- once, for that user only. Rows live a few minutes; FlashMessage.deleteExpired removes the rest.
CREATE TABLE flash_message (
    id           VARCHAR(32)   NOT NULL PRIMARY KEY,
    username     VARCHAR(64)   NOT NULL,
    ticket_code  VARCHAR(32),
    message_key  VARCHAR(64)   NOT NULL,
    failed       BOOLEAN       NOT NULL,
    detail       VARCHAR(2000),
    shown_code   VARCHAR(32),
    access_code  VARCHAR(32),
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_flash_message_expiry ON flash_message (expires_at);
