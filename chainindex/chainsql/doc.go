// Package chainsql copies the chain index into DuckDB tables so that
// 'coinsift sql' can query blocks, transactions, inputs, outputs and
// addresses.
//
// # Tables
//
// chain_blocks, chain_txs, chain_inputs, chain_outputs and chain_addresses
// (schema in casefile/migrations/020_chain.sql) hold the index's numbers
// (tx, input, output, address_id), so rows join with the index's other
// consumers (clusters, traces). The chain index stays the source of truth;
// the tables are a convenience copy, and cost far more space per row than
// the index (see docs/benchmarks.md, "Chain").
//
// # Sync
//
// [Sync] is incremental and follows reorgs: it finds the highest block the
// tables and the index agree on (by hash), deletes the rows above it
// (restoring spenders and last heights), and appends the index's blocks
// from there with the DuckDB Appender, in chunks of about a million
// transactions, each committed in its own database transaction. Spends
// and address activity that touch rows written by an earlier run are
// applied with UPDATEs from temporary tables.
package chainsql
