package seized

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/seized/sqldump"
)

// Truncation reports a seized file that ends early: a gzip stream that stops
// before its end (proof), or a dump whose header names mysqldump or
// mariadb-dump but whose last line is not their "-- Dump completed" line (a
// sign). What was read before the cut is still read and loaded.
type Truncation struct {
	Path string `json:"path"`
	// Reason is how the cut shows: "gzip stream ends early" or "dump has
	// no completion line".
	Reason string `json:"reason"`
	// Proof is true when the file's own format proves the cut (gzip).
	Proof bool `json:"proof"`
	// Offset is the byte of the file where reading stopped (the file's size
	// for a truncated gzip file).
	Offset int64 `json:"offset"`
	// Decompressed is the decompressed bytes read.
	Decompressed int64 `json:"decompressed"`
	// LastTable is the last table read: its rows may stop early, and the
	// tables after it are missing.
	LastTable string `json:"last_table,omitempty"`
}

// String says plainly what is missing, in one line:
// "FILE: truncated at byte N (REASON): table T may be incomplete and the
// tables after it are missing".
func (t *Truncation) String() string {
	s := fmt.Sprintf("%s: truncated at byte %d (%s)", t.Path, t.Offset, t.Reason)
	if t.LastTable != "" {
		return s + fmt.Sprintf(": table %s may be incomplete and the tables after it are missing", t.LastTable)
	}
	return s + ": tables are missing"
}

// ending is implemented by the sources that know how their input ended.
type ending interface {
	Ending() sqldump.Ending
}

func (s *dumpSource) Ending() sqldump.Ending { return s.r.Ending() }

// truncationOf returns how src, read to its end, was cut short, or nil, and
// the date of its dump tool's completion line ("" if none).
func truncationOf(src Source, path string) (*Truncation, string) {
	e, ok := src.(ending)
	if !ok {
		return nil, ""
	}
	end := e.Ending()
	if !end.Truncated {
		return nil, end.Completed
	}
	return &Truncation{Path: path, Reason: end.Reason, Proof: end.GzipShort, Offset: end.FileOffset,
		Decompressed: end.Offset, LastTable: end.LastTable}, end.Completed
}

// NotSeizedError reports a file that is not a database dump, CSV/TSV or JSON
// lines: an image, an archive, a block file, any binary data. It is of kind
// coinsift.ErrInvalid.
type NotSeizedError struct {
	Path  string
	Looks string // what the file looks like, e.g. "a PNG image"
}

func (e *NotSeizedError) Error() string {
	return fmt.Sprintf("%s: not a database dump, CSV/TSV or JSON-lines file: it looks like %s", e.Path, e.Looks)
}

// Is reports that a NotSeizedError is of kind coinsift.ErrInvalid.
func (e *NotSeizedError) Is(target error) bool { return target == coinsift.ErrInvalid }

// magics are the first bytes of files that are sometimes handed in by
// mistake for a database export.
var magics = []struct {
	prefix string
	looks  string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (or an XLSX/DOCX/ODS document)"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 document (XLS/DOC)"},
	{"Rar!\x1a\x07", "a RAR archive"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"\xfd7zXZ\x00", "an xz stream (decompress it first)"},
	{"\x28\xb5\x2f\xfd", "a zstd stream (decompress it first)"},
	{"\x7fELF", "an ELF executable"},
	{"SQLite format 3\x00", "an SQLite database (export its tables as CSV)"},
	{"\xfebin", "a MySQL binary log"},
	{"\xf9\xbe\xb4\xd9", "a Bitcoin block file (mainnet; use 'chain import')"},
	{"\x0b\x11\x09\x07", "a Bitcoin block file (testnet3; use 'chain import')"},
	{"\x1c\x16\x3f\x28", "a Bitcoin block file (testnet4; use 'chain import')"},
	{"\x0a\x03\xcf\x40", "a Bitcoin block file (signet; use 'chain import')"},
	{"\xfa\xbf\xb5\xda", "a Bitcoin block file (regtest; use 'chain import')"},
}

// sniffKiB is how much of a file's start decides whether it is text.
const sniffKiB = 1024

// looksLike names what head (the first decompressed bytes of a file) is
// when it cannot be a database dump, CSV/TSV or JSON lines, and returns ""
// when it can: text with no NUL byte, mostly valid UTF-8 (a dump in latin1
// passes: it has SQL statements in ASCII).
func looksLike(head []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.looks
		}
	}
	if len(head) >= 10 && string(head[:3]) == "BZh" && string(head[4:10]) == "1AY&SY" {
		return "a bzip2 stream (decompress it first)"
	}
	if len(head) >= 262 && string(head[257:262]) == "ustar" {
		return "a tar archive"
	}
	if len(head) > sniffKiB {
		head = head[:sniffKiB]
	}
	if len(head) == 0 || sqlStart(head) || headerLine(head) {
		// A dump written without --hex-blob (mysqldump's default), or a
		// CSV written by SELECT … INTO OUTFILE, holds binary columns as
		// raw bytes: its first KiB may be mostly no text and still be
		// seized data.
		return ""
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return fmt.Sprintf("binary data (NUL bytes in the first %d bytes; first bytes % x)", len(head), head[:min(8, len(head))])
	}
	bad := 0
	for b := head; len(b) > 0; {
		r, n := utf8.DecodeRune(b)
		if (r == utf8.RuneError && n == 1) || (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') {
			bad++
		}
		b = b[n:]
	}
	// Latin-1 text has a few bytes that are not UTF-8; binary data has many.
	if bad*10 > len(head) {
		return fmt.Sprintf("binary data (%d of the first %d bytes are no text; first bytes % x)", bad, len(head), head[:min(8, len(head))])
	}
	return ""
}

// sqlStarts are how a SQL dump's first line begins: a comment (mysqldump,
// mariadb-dump, --compact's "/*M!999999\- enable the sandbox mode */") or a
// statement.
var sqlStarts = []string{"--", "/*", "#", "CREATE ", "INSERT ", "DROP ", "SET ", "LOCK ", "USE ", "DELIMITER ", "REPLACE "}

// sqlStart reports whether head, less a UTF-8 byte order mark and leading
// white space, begins like a SQL dump.
func sqlStart(head []byte) bool {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	for _, p := range sqlStarts {
		if len(h) >= len(p) && strings.EqualFold(string(h[:len(p)]), p) {
			return true
		}
	}
	return false
}

// headerLine reports whether head's first line reads like the header of a
// CSV or TSV file or a JSON-lines record: at least three characters of
// printable UTF-8 with a field separator (comma, tab, semicolon, pipe) or
// a leading '{'.
func headerLine(head []byte) bool {
	line, _, ok := bytes.Cut(head, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if !ok || len(line) < 3 || !utf8.Valid(line) {
		return false
	}
	for _, r := range string(line) {
		if r < 0x20 && r != '\t' {
			return false
		}
	}
	return line[0] == '{' || bytes.ContainsAny(line, ",\t;|")
}

// Check reads the start of path and returns a *NotSeizedError when it
// cannot be a database dump, CSV/TSV or JSON lines (magic bytes of an image,
// archive or block file, or binary data in the first KiB, decompressing
// gzip), so that such a file is refused before it is registered or read.
func Check(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	defer f.Close()
	return checkHead(bufio.NewReaderSize(f, 64<<10), path)
}

// checkHead is Check on the buffered start of a file.
func checkHead(br *bufio.Reader, path string) error {
	head, _ := br.Peek(4096)
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		head = gunzipPrefix(head)
	}
	if looks := looksLike(head); looks != "" {
		return &NotSeizedError{Path: path, Looks: looks}
	}
	return nil
}
