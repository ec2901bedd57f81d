// Package linksql loads the canonical payments for package link and stores
// its results in the case's DuckDB store.
//
// # Tables
//
// links (one row per payment, keyed by provenance, and one per further
// payment of status paid_again, keyed by [link.Key.Again]), link_outputs
// (the matched outputs), unrecorded_deposits, service_wallet,
// service_addresses (the service's own wallet with why each address is in)
// and link_runs; the schema is casefile/migrations/060_link.sql and
// 170_service_wallet.sql. [Save] replaces them all in
// one transaction, so an interrupted run leaves the previous links.
//
// # Bulk loads
//
// [AppendRows] writes through DuckDB's Appender; the value and persons
// adapters use it too.
package linksql
