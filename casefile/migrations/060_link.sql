-- Payment links (package link, written by link/linksql). 'coinsift link'
-- replaces these tables in one transaction. A payment is keyed by its
-- provenance (evidence_id, src_table, src_row) in the payments table.

CREATE TABLE link_runs (
    created_at TIMESTAMP NOT NULL,
    settings   VARCHAR NOT NULL,     -- link.Config.Describe()
    stats      VARCHAR NOT NULL      -- JSON of link.Stats
);

CREATE TABLE links (
    evidence_id   VARCHAR NOT NULL,
    src_table     VARCHAR NOT NULL,
    src_row       BIGINT  NOT NULL,
    account_key   VARCHAR,
    address       VARCHAR,
    address_id    UINTEGER,          -- chain index address id, NULL = not in the chain
    status        VARCHAR NOT NULL,  -- verified, amount_mismatch, partial, late, unpaid, not_found, address_never_seen, duplicate
    matched_by    VARCHAR,           -- txid, address
    recorded_sats BIGINT,
    paid_sats     BIGINT  NOT NULL,
    delta_sats    BIGINT  NOT NULL,  -- paid - recorded
    outputs       INTEGER NOT NULL,  -- matched outputs
    first_time    TIMESTAMP,         -- block time of the first matched output
    reason        VARCHAR NOT NULL,
    PRIMARY KEY (evidence_id, src_table, src_row)
);

CREATE TABLE link_outputs (
    evidence_id VARCHAR NOT NULL,
    src_table   VARCHAR NOT NULL,
    src_row     BIGINT  NOT NULL,
    seq         INTEGER NOT NULL,    -- 0-based, in chain order
    output      BIGINT  NOT NULL,    -- chain index output number
    txid        VARCHAR NOT NULL,
    vout        INTEGER NOT NULL,
    sats        BIGINT  NOT NULL,
    height      INTEGER NOT NULL,
    block_time  TIMESTAMP NOT NULL
);

CREATE TABLE unrecorded_deposits (
    output          BIGINT  NOT NULL,
    txid            VARCHAR NOT NULL,
    vout            INTEGER NOT NULL,
    sats            BIGINT  NOT NULL,
    height          INTEGER NOT NULL,
    block_time      TIMESTAMP NOT NULL,
    address         VARCHAR NOT NULL,
    address_id      UINTEGER NOT NULL,
    cluster_id      UINTEGER NOT NULL,
    payment_address BOOLEAN NOT NULL  -- a recorded payment's deposit address
);

CREATE TABLE service_wallet (
    cluster_id        UINTEGER NOT NULL,
    size              INTEGER NOT NULL,
    deposit_addresses INTEGER NOT NULL,
    received_sats     BIGINT  NOT NULL,
    sweeps            INTEGER NOT NULL,
    swept_sats        BIGINT  NOT NULL,
    first_sweep       TIMESTAMP,
    last_sweep        TIMESTAMP,
    destinations      VARCHAR NOT NULL  -- JSON list of {cluster_id, example_address, sats, txs}
);
