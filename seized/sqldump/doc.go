// Package sqldump reads the output of mysqldump and mariadb-dump, plain or
// gzip-compressed, as a stream of tables and rows, without a database server.
//
// # Model
//
// A [Reader] walks the dump once. [Reader.Next] returns [EventTable] after
// each CREATE TABLE (column names, declared types, character sets) and
// [EventRow] for each row of each INSERT, extended (many rows per statement)
// or not, with or without a column list (--complete-insert). Values keep
// their lexical kind ([Null], [String], [Number], [Bytes], [Keyword]): string
// bytes are unescaped (\0 \' \" \b \n \r \t \Z \\, and \% \_ which keep their
// backslash as in MySQL; doubled quotes), hex (0x.., X'..') and bit (b'..')
// literals are decoded to bytes, numbers keep their text, and character-set
// introducers (_binary, _utf8mb4, _latin1) are reported with the value.
//
// Comments are skipped (a block comment that the input ends in is reported as
// a [*RowError]); conditional comments (/*!40101 ... */, /*M!100616
// ... */) are read as code, so SET NAMES and SET TIME_ZONE inside them are
// honoured. The MariaDB sandbox line, LOCK/UNLOCK TABLES, DELIMITER blocks
// (triggers, routines), USE and several databases in one file are handled.
//
// # Invariants
//
// The input is hostile. The reader never holds the whole file: it reads
// through a fixed buffer and copies only the values of the current row into
// a reused arena, so memory is bounded by [Options] (MaxField, MaxRow,
// MaxColumns, MaxStatement) whatever the dump's size: no token, identifier,
// comment or statement is kept beyond its limit (an INSERT header, up to
// VALUES, is capped at 64 KiB; a DELIMITER line at 64 KiB). A gzip input may
// not expand beyond Options.MaxDecompressed. A row that cannot be read is
// reported as a [*RowError] with its byte offset (in the decompressed
// stream), table and row number, and reading continues with the next row or
// statement; read errors are sticky.
//
// Row numbers are 1-based per table and count every tuple, so a quarantined
// row keeps its number and the rows after it keep theirs.
//
// # Text and time
//
// String bytes are in the dump's connection character set ([Reader.Charset],
// from SET NAMES; utf8mb4 by default), except for binary columns and
// _binary values, which are bytes. [Decode] turns a value into UTF-8 text
// (latin1 is MySQL's cp1252) and reports invalid UTF-8 instead of repairing
// it. TIMESTAMP columns are written in the dump's session time zone
// ([Table.TimeZone]; mysqldump sets '+00:00'), DATETIME columns are naive.
package sqldump
