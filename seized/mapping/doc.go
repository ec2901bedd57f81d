// Package mapping maps the tables and columns of a seized source onto the
// canonical records of a case (accounts, identifiers, payments, logins,
// calls). The YAML format is specified in docs/format/mapping.md.
//
// # Model
//
// [Suggest] proposes a [Mapping] from inspection reports, using column names
// and the kinds of their values, with a confidence per table and column; the
// investigator edits it. A Mapping implements seized.Mapper: [Mapping.Bind]
// resolves a table's columns once and the returned mapper converts each row —
// BTC decimal or satoshi amounts to satoshis, fiat to minor units, datetime
// text or epoch s/ms/us to UTC times, values at JSON paths inside text
// columns, typed identifiers (messenger handles, wallets) to their compared
// form, phone numbers to E.164 only in a region of the account's own
// (country, e-mail domain) or one they are valid for. A value that does not convert quarantines the
// row's canonical records, never the raw row.
//
// # Invariants
//
// Nothing is hard-coded to one schema: tables and columns are found by name
// and by content. Output is deterministic (tables sorted by source name).
package mapping
