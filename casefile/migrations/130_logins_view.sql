-- Canonical logins become a view. A login table is most of a seized
-- database (85 % of iSpoof's rows), and its mapping is usually a plain
-- projection of the raw row: text columns as they are, a datetime as a
-- TIMESTAMP. For such rows the load writes no second copy: it checks, row
-- by row, that what the mapping made equals what the SQL projection of the
-- src_* row gives, and records the projection here; rows that differ (hex
-- IPs, epochs, other time formats, lookups) are written to logins_rows as
-- before. The load then rebuilds the view logins as logins_rows plus every
-- projection (package seized, docs/format/mapping.md).
ALTER TABLE logins RENAME TO logins_rows;

CREATE TABLE seized_projections (
    evidence_id  VARCHAR NOT NULL,
    src_table    VARCHAR NOT NULL,
    target       VARCHAR NOT NULL,     -- canonical table: logins
    columns      VARCHAR NOT NULL,     -- JSON: canonical column -> src_* column
    rows         BIGINT  NOT NULL,     -- rows of the evidence in src_table
    PRIMARY KEY (evidence_id, src_table, target)
);

CREATE VIEW logins AS
SELECT account_key, ip, login_at, user_agent, evidence_id, src_table, src_row FROM logins_rows;
