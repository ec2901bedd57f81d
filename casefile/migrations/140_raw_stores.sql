-- Raw rows stored typed. A src_* table becomes a view over a store table
-- seized_rows_* that keeps integer and datetime columns as BIGINT and
-- TIMESTAMP where their text is canonical (other text beside it, in an
-- exception column) and the evidence as a small number: DuckDB spent most
-- of a load analysing and compressing those values as strings. The view
-- gives every value back as the source's text, byte for byte (package
-- seized, store.go; docs/format/mapping.md). Tables loaded before this
-- migration stay plain tables: their columns' storage is NULL.
ALTER TABLE seized_src_columns ADD COLUMN storage VARCHAR;  -- text, blob, bigint, timestamp

-- The evidence loaded into each store, by the number its rows carry (_ev).
CREATE TABLE seized_src_stores (
    src_table    VARCHAR NOT NULL,   -- the view src_*
    store_table  VARCHAR NOT NULL,   -- seized_rows_*
    evidence_no  INTEGER NOT NULL,   -- _ev in store_table, from 1
    evidence_id  VARCHAR NOT NULL,
    PRIMARY KEY (src_table, evidence_no)
);
