// Package valuesql reads the linked outputs for package value and stores
// their values in the case's DuckDB store.
//
// # Tables
//
// payment_values (one row per matched output: value in minor units, the
// exact rate, method, source, rate time, the price file's evidence id and
// the conversion path), value_problems (outputs that could not be valued,
// with the dates of the gap) and value_runs; the view account_totals sums
// each account's money received on chain, each link status apart
// (migration 150). The schema is
// casefile/migrations/070_value.sql. [Save] replaces the tables in one
// transaction.
package valuesql
