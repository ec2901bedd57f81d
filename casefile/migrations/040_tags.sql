-- Attribution tags and actors (tags/, 'coinsift tags import|add').
-- Imported tags carry their evidence id and row (line, tag index or array
-- index); the case's own tags ('tags add') have own = true and no evidence.
-- docs/format/tags.md describes the columns and the formats read.

CREATE TABLE tags (
    address            VARCHAR NOT NULL,  -- canonical form (bech32 lower case)
    currency           VARCHAR NOT NULL,  -- 'BTC'
    label              VARCHAR NOT NULL,
    category           VARCHAR,
    abuse              VARCHAR,
    actor              VARCHAR,           -- actors.id
    source             VARCHAR,
    confidence         VARCHAR,           -- GraphSense confidence name
    confidence_level   INTEGER,           -- 0–100; NULL when unknown
    is_cluster_definer BOOLEAN NOT NULL,
    pack               VARCHAR,           -- pack title or file name
    format             VARCHAR NOT NULL,  -- tagpack, ofac-txt, ofac-json, csv, wyb, own
    own                BOOLEAN NOT NULL,  -- added in this case, exported by 'tags export'
    evidence_id        VARCHAR,
    row_no             BIGINT,
    created_at         TIMESTAMP NOT NULL
);

CREATE TABLE actors (
    id            VARCHAR NOT NULL,
    label         VARCHAR NOT NULL,
    uri           VARCHAR,
    jurisdictions VARCHAR NOT NULL,  -- ISO 3166-1 alpha-2 codes, comma-separated
    categories    VARCHAR NOT NULL,  -- comma-separated
    evidence_id   VARCHAR NOT NULL,
    row_no        BIGINT NOT NULL
);

-- One row per imported evidence file: re-importing it is a no-op.
CREATE TABLE tag_imports (
    evidence_id    VARCHAR PRIMARY KEY,
    format         VARCHAR NOT NULL,
    pack           VARCHAR NOT NULL,
    tags           BIGINT NOT NULL,
    actors         BIGINT NOT NULL,
    other_currency BIGINT NOT NULL,  -- tags of other currencies, skipped
    quarantined    BIGINT NOT NULL,
    imported_at    TIMESTAMP NOT NULL
);
