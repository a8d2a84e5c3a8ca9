-- Areas and categories are kept in every instance's second-level cache. A change to them made while the service runs
-- (today a community's footprint) adds one to this number in the same transaction; every instance reads it every few
-- seconds and drops its cached copies when it has moved (directory.ReferenceDataVersion).
CREATE TABLE reference_data_version (
    id      SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT   NOT NULL
);
INSERT INTO reference_data_version (id, version) VALUES (1, 0);
