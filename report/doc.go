// Package report writes what an investigation hands over: referral packages
// for partner agencies and the case summary, as CSV, XLSX, JSON, PDF and
// HTML, from a documented input model (Case, Referral, Summary). It reads no
// database and prints nothing; the CLI (coinsift report referrals|summary)
// fills the model from the case and calls WriteReferral or WriteSummary.
//
// # Packages
//
// WriteReferral writes dir/<CC>/ for one country and agency:
//
//	suspects.csv, suspects.xlsx   one row per suspect (XLSX adds Payments,
//	                              Funding and Case sheets)
//	suspects.json                 the full model, values never clipped
//	evidence/<rank>-<person>.pdf  one evidence sheet per suspect: identifiers,
//	                              payments with txids, block times, values and
//	                              rate sources, trace to exchanges, placement
//	                              signals, heuristics and their error rates
//	orders/<exchange>.pdf         production order draft per exchange
//	victims.csv                   only if Referral.VictimsAllowed and not redacted
//	manifest.json                 size and SHA-256 of every file, the audit
//	                              excerpt, the rule and the generation time
//
// WriteSummary writes summary.html (self-contained: inline CSS and SVG,
// no scripts), summary.pdf (the same five charts drawn with fpdf) and
// manifest.json. docs/format/report.md specifies every file.
//
// A package is built in a hidden sibling directory and renamed into place,
// so it is either absent or complete; an existing package is never
// overwritten (coinsift.ErrExists).
//
// # Determinism
//
// The same input gives the same bytes. Nothing reads the clock: PDFs and
// XLSX document properties carry Case.Generated (the time of the audit
// line that produced the data), PDF resources are sorted, XLSX zip entries
// are written in sorted order with zero timestamps, every list is sorted
// (suspects by rank, payments by block time, orders by exchange, victims by
// number, map keys by value then name) and the tool version is a Case field
// rather than build information.
//
// # Hostile input
//
// Every string in the model comes from a seized database and is treated as
// hostile. In CSV and XLSX, control characters, invalid UTF-8 and bidi
// overrides are escaped (sanitize.Terminal). CSV cells are neutralised
// with sanitize.CSVCell (a leading apostrophe before a formula trigger);
// XLSX text is always stored as a string cell, which no spreadsheet
// evaluates, so it is shown exactly as seized, with no apostrophe. XLSX
// numbers, amounts and times are typed cells with a number format. PDFs use the core fonts, so text is encoded as cp1252: runes the
// font cannot show become \u{hex}, nothing is dropped, and text is drawn as
// text, never interpreted as markup. HTML is written with html/template and
// SVG text is escaped. File names derived from person ids and exchange
// names keep only [A-Za-z0-9_-] and gain a hash suffix when changed.
// Values longer than the display limit (1,000 runes in a cell, 300 on a
// page) are cut with an ellipsis and a note naming suspects.json, which
// keeps the full value.
package report
