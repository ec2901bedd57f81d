// Package coinsift is the shared vocabulary of coinsift, a system that follows
// cryptocurrency payments out of a seized database.
//
// # Model
//
// The root package holds only types and interfaces that every other package
// speaks: bitcoin amounts ([Sats]), transaction identifiers ([TxID],
// [OutPoint]), block heights, fiat [Money], countries, the provenance of a
// derived fact ([Provenance]), the error kinds callers branch on
// ([ErrNotFound], [ErrInvalid], [ErrCorrupt], [ErrCanceled], [ErrInUse]) and
// the [Progress] interface that long-running work reports to.
//
// # Invariants
//
// It imports only the standard library and contains no behaviour beyond
// formatting and parsing of its own types. Bitcoin amounts are integer
// satoshis; fiat amounts are integer minor units with an ISO 4217 code; times
// are UTC.
//
// # Layout
//
// Domain packages live below this one (casefile, bitcoin, chainindex, seized,
// world, ...) and import it; it never imports them. docs/architecture.md has
// the package map and the dependency rules.
package coinsift
