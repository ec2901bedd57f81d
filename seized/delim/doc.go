// Package delim reads delimited text — RFC 4180 CSV, TSV, semicolon- or
// pipe-separated exports of seized databases — as a stream of records,
// without trusting it.
//
// # Dialect
//
// [NewReader] sniffs the delimiter from the first 64 KiB (the candidate
// among ',', '\t', ';', '|' that splits the most lines into the same number
// of fields), takes '"' as the quote and decides whether the first record
// is a header (distinct, non-numeric names). [Options] can fix each choice.
//
// # Values
//
// An empty unquoted field (and \N in tab-separated text) is NULL; an empty
// quoted field is the empty string. Quoted fields may hold delimiters,
// doubled quotes and line breaks.
//
// # Invariants
//
// A malformed record (unterminated quote, text after a closing quote, a
// wrong number of fields) is a [*RecordError] naming its first line and
// byte offset; the reader gives up that line only and resumes on the next
// one, so one bad quote cannot swallow the rest of the file. Records are
// capped by Options.MaxRecord and MaxRecordLines; memory is bounded
// whatever the input.
package delim
