// Package linksql loads the canonical payments for package link and stores
// its results in the case's DuckDB store.
//
// # Tables
//
// links (one row per payment, keyed by provenance), link_outputs (the
// matched outputs), unrecorded_deposits, service_wallet and link_runs; the
// schema is casefile/migrations/060_link.sql. [Save] replaces them all in
// one transaction, so an interrupted run leaves the previous links.
//
// # Bulk loads
//
// [AppendRows] writes through DuckDB's Appender; the value and persons
// adapters use it too.
package linksql
