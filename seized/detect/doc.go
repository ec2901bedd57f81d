// Package detect recognises the identifiers that matter in seized data:
// Bitcoin addresses (validated base58check, bech32 and bech32m; mainnet and
// testnet), transaction ids, e-mail addresses, telephone numbers (E.164 via
// libphonenumber with a default region), IPv4 and IPv6 addresses, timestamps
// in common text formats and as epoch seconds, milliseconds or microseconds,
// amounts, ISO 4217 currencies and ISO 3166 country codes.
//
// # Model
//
// [AppendKinds] classifies one value; a [Profile] accumulates a column's
// values and reports, for each [Kind], the share of values that match.
// Profiles classify at most MaxClassified values per column so that
// inspecting a 70-million-row table costs the same as a small one; counts
// (values, NULLs, empty, binary) cover every value.
//
// # Invariants
//
// Detectors are pure functions of their input and never interpret hostile
// text beyond the check they make. Results are deterministic: kinds are
// reported in a fixed order.
package detect
