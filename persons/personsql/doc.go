// Package personsql stores the payer trace and the person grouping of
// package persons in the case's DuckDB store, and reads their inputs.
//
// # Tables
//
// payment_payers, payment_sources, account_payers, account_sources and
// payer_runs ('coinsift trace payers'); persons, person_links and
// person_dropped ('coinsift persons'); person_overrides (the
// investigator's merges and splits, append-only). The schema is
// casefile/migrations/080_persons.sql.
package personsql
