-- The chain index as tables (package chainindex/chainsql, written by
-- 'coinsift chain import' after each index commit). The chain index in
-- chain/ is the source of truth; these tables are a convenience copy for
-- 'coinsift sql', appended incrementally and cut back on a reorg.
-- Numbers (tx, input, output, address_id) are the chain index's: global,
-- dense, in chain order. Hashes are hex in the usual display byte order.

CREATE TABLE chain_blocks (
    height    INTEGER   NOT NULL,
    hash      VARCHAR   NOT NULL,
    time      TIMESTAMP NOT NULL,  -- header time, UTC
    tx_count  INTEGER   NOT NULL,
    size      INTEGER   NOT NULL   -- serialized bytes
);

CREATE TABLE chain_txs (
    tx        BIGINT    NOT NULL,
    txid      VARCHAR   NOT NULL,
    height    INTEGER   NOT NULL,
    time      TIMESTAMP NOT NULL,  -- block time
    version   INTEGER   NOT NULL,
    locktime  UINTEGER  NOT NULL,
    size      INTEGER   NOT NULL,
    vsize     INTEGER   NOT NULL,
    fee       BIGINT,              -- sats; NULL for coinbase or an unknown spent output
    inputs    INTEGER   NOT NULL,
    outputs   INTEGER   NOT NULL,
    coinbase  BOOLEAN   NOT NULL
);

CREATE TABLE chain_inputs (
    input        BIGINT   NOT NULL,
    tx           BIGINT   NOT NULL,
    vin          INTEGER  NOT NULL,
    spent_output BIGINT,           -- NULL for coinbase or an output not in the index
    sequence     UINTEGER NOT NULL,
    witness      BOOLEAN  NOT NULL
);

CREATE TABLE chain_outputs (
    output         BIGINT   NOT NULL,
    tx             BIGINT   NOT NULL,
    vout           INTEGER  NOT NULL,
    value          BIGINT   NOT NULL,  -- sats
    script_type    VARCHAR  NOT NULL,  -- p2pkh, p2wpkh, … (p2pk: address_id is the key's P2PKH address)
    address_id     UINTEGER,           -- NULL for bare multisig, OP_RETURN, non-standard
    spent_by_input BIGINT              -- NULL while unspent
);

CREATE TABLE chain_addresses (
    address_id   UINTEGER NOT NULL,
    address      VARCHAR  NOT NULL,
    type         VARCHAR  NOT NULL,
    first_height INTEGER  NOT NULL,    -- first output paying it
    last_height  INTEGER  NOT NULL     -- last output paying it or input spending from it
);
