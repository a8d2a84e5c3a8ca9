-- Least-privilege roles for CommunityDesk on PostgreSQL (see README, "PostgreSQL").
-- Run as a superuser, connected to the new, empty database, after creating the two roles:
--   CREATE ROLE communitydesk_owner LOGIN PASSWORD '…';   -- owns the schema; Flyway migrates as it
--   CREATE ROLE communitydesk_app   LOGIN PASSWORD '…';   -- the service's own connections
--   CREATE DATABASE communitydesk OWNER communitydesk_owner ENCODING 'UTF8';
--   psql -U postgres -d communitydesk -v ON_ERROR_STOP=1 -f src/main/postgresql/least-privilege.sql
-- The service then runs with quarkus.datasource.username=communitydesk_app and
-- quarkus.flyway.username=communitydesk_owner (and their passwords). LeastPrivilegeIT runs this file.

-- Nobody but the owner creates objects in the database's schemas.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO communitydesk_owner;
GRANT USAGE ON SCHEMA public TO communitydesk_app;

-- Every table and sequence that Flyway (as the owner) creates can be read and written by the service,
-- which can neither create, alter nor drop anything.
ALTER DEFAULT PRIVILEGES FOR ROLE communitydesk_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO communitydesk_app;
ALTER DEFAULT PRIVILEGES FOR ROLE communitydesk_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO communitydesk_app;

-- The shared sign-in key is read before Flyway runs, by the service's own user (security.SessionKeySource),
-- which may not create a schema: the owner makes its schema and table here, exactly as V10 declares them.
CREATE SCHEMA cd_keys AUTHORIZATION communitydesk_owner;
CREATE TABLE cd_keys.shared_secret (
    name        VARCHAR(32)  NOT NULL PRIMARY KEY,
    secret      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE cd_keys.shared_secret OWNER TO communitydesk_owner;
GRANT USAGE ON SCHEMA cd_keys TO communitydesk_app;
GRANT SELECT, INSERT ON cd_keys.shared_secret TO communitydesk_app;
