// Package seized reads seized data — mysqldump/mariadb-dump files, CSV/TSV
// files and JSON lines, plain or gzip — without a database server, shows
// what is in them, and loads them into a case with the provenance of every
// row.
//
// # Model
//
// [Open] sniffs a file and returns a [Source], a stream of tables and rows
// whose text is UTF-8 (decoded from the dump's character set) and whose
// binary columns are bytes: package sqldump reads dumps, package delim
// delimited text (one table per file, dialect sniffed), package jsonl JSON
// lines (columns are the union of the objects' keys). Row numbers of files
// with one table are line numbers. [Inspect] profiles every column with package
// detect. [Load] copies every row into a raw table src_<table> (every value
// as the source's text, BLOB for binary columns, plus _evidence, _row and
// _offset): a view over a store seized_rows_<table> that keeps canonical
// integers and datetimes typed (store.go, docs/format/mapping.md "Raw
// tables"). With a [Mapper] (package seized/mapping) it also derives the
// canonical accounts, identifiers, payments, logins and calls tables, each
// row carrying evidence_id, src_table and src_row. Reading, decoding and
// mapping run on one goroutine and DuckDB's inserts of Arrow record batches
// on others, connected by a queue bounded in bytes (pipeline.go).
//
// # Invariants
//
// A load is one DuckDB transaction: a failure or a cancelled context leaves
// the case as it was. The seized_loads registry makes loading the same
// evidence twice a no-op. Rows that cannot be read or mapped go to the
// quarantine table, inside the same transaction, with the reason, table, row
// number and byte offset; the load finishes and reports the count.
//
// Memory is bounded by the reader's limits (sqldump.Options) and by
// LoadOptions.MaxQuarantineItems, whatever the size of the input.
//
// # Bad input
//
// [Open] (so [Inspect] and [Load]) and [Check] refuse a file that is no
// export — an image, an archive, a block file, binary data — with a
// [NotSeizedError] saying what it looks like. A dump cut short (a gzip stream
// that ends early, or a dump tool's file without its "-- Dump completed"
// line) is read up to the cut and reported as a [Truncation]: in
// Report.Truncated, and by Load in LoadResult.Truncated and as a quarantine
// item. A [Mapper] naming a table or column the data lacks fails Inspect and
// Load with a [MissingError] (with [Closest] as its did-you-mean); a
// [RowObserver] sees every row, for the mapping's checks of what its columns
// hold ([Warning]).
package seized
