-- Core tables of every case: the evidence mirror, the audit head and the
-- quarantine. evidence.jsonl and audit.jsonl are the sources of truth; these
-- tables make them joinable from SQL and let audit verification detect a
-- truncated log.

CREATE TABLE evidence (
    id        VARCHAR PRIMARY KEY,  -- first 16 hex digits of sha256
    path      VARCHAR NOT NULL,
    size      BIGINT  NOT NULL,
    sha256    VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,
    added_at  TIMESTAMP NOT NULL,
    note      VARCHAR
);

CREATE TABLE audit_head (
    seq   BIGINT  NOT NULL,
    hash  VARCHAR NOT NULL
);

CREATE SEQUENCE quarantine_id START 1;

CREATE TABLE quarantine (
    id          BIGINT DEFAULT nextval('quarantine_id') PRIMARY KEY,
    command     VARCHAR NOT NULL,   -- e.g. 'seized load', 'chain import'
    evidence_id VARCHAR,            -- evidence the bad item came from, if registered
    source      VARCHAR NOT NULL,   -- file path or other source name
    src_table   VARCHAR,            -- source table, if any
    row_no      BIGINT,             -- 1-based row number within src_table, if known
    byte_offset BIGINT,             -- byte offset in the (decompressed) source, if known
    reason      VARCHAR NOT NULL,
    raw         BLOB,               -- the offending bytes, capped at 4 KiB
    raw_size    BIGINT,             -- the full size of the offending item
    created_at  TIMESTAMP NOT NULL
);
