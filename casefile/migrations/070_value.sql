-- Payment values (package value, written by value/valuesql). 'coinsift
-- value' replaces these tables in one transaction. One row per matched
-- output (link_outputs), valued at its block time.

CREATE TABLE value_runs (
    created_at TIMESTAMP NOT NULL,
    settings   VARCHAR NOT NULL,   -- value.Config.Describe()
    valued     BIGINT  NOT NULL,
    problems   BIGINT  NOT NULL
);

CREATE TABLE payment_values (
    evidence_id   VARCHAR NOT NULL,  -- the payment's key
    src_table     VARCHAR NOT NULL,
    src_row       BIGINT  NOT NULL,
    seq           INTEGER NOT NULL,  -- link_outputs.seq
    txid          VARCHAR NOT NULL,
    vout          INTEGER NOT NULL,
    sats          BIGINT  NOT NULL,
    block_time    TIMESTAMP NOT NULL,
    currency      VARCHAR NOT NULL,  -- ISO 4217
    value_minor   BIGINT  NOT NULL,  -- round-half-even(sats × rate / 1e8 × 10^digits)
    rate          DECIMAL(38, 12) NOT NULL, -- currency per BTC
    method        VARCHAR NOT NULL,  -- close, open, mid, vwap (price for price-only legs)
    source        VARCHAR NOT NULL,  -- of the first leg
    rate_time     TIMESTAMP NOT NULL,
    rate_evidence VARCHAR,           -- evidence id of the price file (first leg)
    path          VARCHAR NOT NULL   -- e.g. "BTC/GBP" or "BTC/USD × USD/GBP via EUR"
);

CREATE TABLE value_problems (
    evidence_id VARCHAR NOT NULL,
    src_table   VARCHAR NOT NULL,
    src_row     BIGINT  NOT NULL,
    seq         INTEGER NOT NULL,
    txid        VARCHAR NOT NULL,
    vout        INTEGER NOT NULL,
    block_time  TIMESTAMP NOT NULL,
    reason      VARCHAR NOT NULL
);

-- Per account: verified payments, their value and first/last block time.
-- A payment counts when its status is verified and every output is valued.
CREATE VIEW account_totals AS
WITH pv AS (
    SELECT evidence_id, src_table, src_row, any_value(currency) AS currency,
           sum(value_minor) AS value_minor, count(*) AS valued
    FROM payment_values GROUP BY ALL
)
SELECT l.account_key,
       pv.currency,
       count(*)              AS payments,
       sum(pv.value_minor)   AS verified_minor,
       sum(l.paid_sats)      AS verified_sats,
       min(l.first_time)     AS first_payment,
       max(l.first_time)     AS last_payment
FROM links l JOIN pv USING (evidence_id, src_table, src_row)
WHERE l.status = 'verified' AND pv.valued = l.outputs
GROUP BY l.account_key, pv.currency;
