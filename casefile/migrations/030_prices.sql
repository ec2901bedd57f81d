-- Price series (price/, 'coinsift prices import'). One row per bar or
-- quote, exactly as read: decimals are DECIMAL(38,12), never floats. Every
-- row carries its provenance: the evidence file and its 1-based line.
-- docs/format/prices.md describes the columns and the formats read.

CREATE TABLE prices (
    base        VARCHAR NOT NULL,        -- e.g. 'BTC', 'EUR'
    quote       VARCHAR NOT NULL,        -- e.g. 'GBP'; price = quote units per one base
    source      VARCHAR NOT NULL,        -- --source name given at import
    ts          TIMESTAMP NOT NULL,      -- UTC start of the bar (or the quote's instant)
    interval_s  BIGINT NOT NULL,         -- bar length in seconds; 0 for an instant
    open        DECIMAL(38,12),
    high        DECIMAL(38,12),
    low         DECIMAL(38,12),
    close       DECIMAL(38,12) NOT NULL, -- the single price of price-only sources
    volume      DECIMAL(38,12),          -- as the source reports it
    format      VARCHAR NOT NULL,        -- reader format: ohlc, ecb, kraken …
    evidence_id VARCHAR NOT NULL,
    row_no      BIGINT NOT NULL          -- 1-based line (or array index) in the evidence
);

-- One row per imported evidence file: re-importing it is a no-op.
CREATE TABLE price_imports (
    evidence_id VARCHAR PRIMARY KEY,
    source      VARCHAR NOT NULL,
    format      VARCHAR NOT NULL,
    points      BIGINT NOT NULL,
    quarantined BIGINT NOT NULL,
    skipped     BIGINT NOT NULL,         -- empty cells (N/A) passed over
    imported_at TIMESTAMP NOT NULL
);
