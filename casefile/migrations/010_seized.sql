-- Seized-data ingestion (package seized). Raw tables src_* are created per
-- source table at load time: every source column as VARCHAR (BLOB for binary
-- columns) plus _evidence, _row and _offset. The canonical tables below hold
-- what a mapping (docs/format/mapping.md) derives from them; every row keeps
-- its provenance (evidence_id, src_table, src_row).

-- One row per loaded evidence file. A load runs in one transaction, so a row
-- here means the load finished; loading the same evidence again is a no-op.
CREATE TABLE seized_loads (
    evidence_id    VARCHAR PRIMARY KEY,
    path           VARCHAR NOT NULL,
    format         VARCHAR NOT NULL,   -- sqldump, csv, tsv, jsonl
    mapping_sha256 VARCHAR,            -- sha256 of the mapping file, NULL = raw only
    rows           BIGINT  NOT NULL,   -- rows loaded into src_* tables
    quarantined    BIGINT  NOT NULL,   -- rows set aside in quarantine
    bytes          BIGINT  NOT NULL,   -- decompressed bytes read
    started_at     TIMESTAMP NOT NULL,
    finished_at    TIMESTAMP NOT NULL
);

-- Which src_* table holds which source table of which evidence.
CREATE TABLE seized_src_tables (
    evidence_id   VARCHAR NOT NULL,
    source_table  VARCHAR NOT NULL,    -- as named in the source, db.table for dumps
    src_table     VARCHAR NOT NULL,    -- the src_* table in this database
    rows          BIGINT  NOT NULL,
    quarantined   BIGINT  NOT NULL,
    time_zone     VARCHAR,             -- session time zone of a dump (TIMESTAMP columns)
    PRIMARY KEY (evidence_id, source_table)
);

CREATE TABLE seized_src_columns (
    src_table   VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,      -- 1-based
    name        VARCHAR NOT NULL,      -- column name in src_table (as in the source)
    source_type VARCHAR NOT NULL,      -- declared type in the source, '' if none
    is_binary   BOOLEAN NOT NULL,
    PRIMARY KEY (src_table, ordinal)
);

CREATE TABLE accounts (
    account_key  VARCHAR NOT NULL,     -- the source's user key (id or username)
    username     VARCHAR,
    created_at   TIMESTAMP,
    country      VARCHAR,              -- as recorded by the service, ISO 3166 if valid
    evidence_id  VARCHAR NOT NULL,
    src_table    VARCHAR NOT NULL,
    src_row      BIGINT  NOT NULL
);

CREATE TABLE identifiers (
    account_key  VARCHAR,
    kind         VARCHAR NOT NULL,     -- email, phone, ip, btc_address, txid, username
    value        VARCHAR NOT NULL,     -- as recorded
    normalized   VARCHAR,              -- E.164, lower-case e-mail, canonical IP
    evidence_id  VARCHAR NOT NULL,
    src_table    VARCHAR NOT NULL,
    src_row      BIGINT  NOT NULL,
    src_column   VARCHAR NOT NULL
);

CREATE TABLE payments (
    account_key     VARCHAR,
    address         VARCHAR,           -- deposit address shown to the user
    amount_sats     BIGINT,            -- recorded BTC amount in satoshis
    fiat_minor      BIGINT,            -- recorded price in minor units
    fiat_currency   VARCHAR,           -- ISO 4217
    txid            VARCHAR,           -- recorded txid, if any
    vout            INTEGER,
    status          VARCHAR,
    created_at      TIMESTAMP,
    paid_at         TIMESTAMP,
    evidence_id     VARCHAR NOT NULL,
    src_table       VARCHAR NOT NULL,
    src_row         BIGINT  NOT NULL
);

CREATE TABLE logins (
    account_key  VARCHAR,
    ip           VARCHAR,
    login_at     TIMESTAMP,
    user_agent   VARCHAR,
    evidence_id  VARCHAR NOT NULL,
    src_table    VARCHAR NOT NULL,
    src_row      BIGINT  NOT NULL
);

CREATE TABLE calls (
    account_key       VARCHAR,
    caller_id         VARCHAR,         -- the number shown to the victim (spoofed)
    destination_raw   VARCHAR,
    destination_e164  VARCHAR,
    started_at        TIMESTAMP,
    duration_s        BIGINT,
    status            VARCHAR,
    template          VARCHAR,         -- script/template or impersonated organisation
    evidence_id       VARCHAR NOT NULL,
    src_table         VARCHAR NOT NULL,
    src_row           BIGINT  NOT NULL
);
