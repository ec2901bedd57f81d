-- Jurisdictions (package place, written by place/placesql). One placement
-- per account and per person; 'coinsift place' replaces both tables.

CREATE TABLE placements (
    subject_kind VARCHAR NOT NULL,   -- 'account' or 'person'
    subject      VARCHAR NOT NULL,   -- account_key or person_id
    country      VARCHAR,            -- ISO 3166-1 alpha-2; NULL when undecided
    confidence   DOUBLE  NOT NULL,   -- 0..1
    conflicts    VARCHAR,            -- other supported countries, strongest first, comma-separated
    signals      INTEGER NOT NULL,   -- distinct signals considered
    weights      VARCHAR NOT NULL    -- place.Weights used, for provenance
);

CREATE TABLE placement_evidence (
    subject_kind VARCHAR NOT NULL,
    subject      VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,   -- phone, ip, signup-ip, email, exchange, timezone
    country      VARCHAR NOT NULL,
    weight       DOUBLE  NOT NULL,   -- effective weight in the combination
    value        VARCHAR NOT NULL,
    detail       VARCHAR,
    src_table    VARCHAR,
    src_row      BIGINT
);
