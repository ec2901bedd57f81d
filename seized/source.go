package seized

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/seized/delim"
	"github.com/coinsift/coinsift/seized/jsonl"
	"github.com/coinsift/coinsift/seized/sqldump"
)

// Format of a seized file.
type Format string

// Formats.
const (
	FormatSQLDump Format = "sqldump"
	FormatCSV     Format = "csv" // delimited text; comma, semicolon or pipe
	FormatTSV     Format = "tsv"
	FormatJSONL   Format = "jsonl"
)

// Column is a source column.
type Column struct {
	Name   string `json:"name"`
	Type   string `json:"type,omitempty"` // declared type, "" if none
	Binary bool   `json:"binary,omitempty"`
}

// Table is a source table.
type Table struct {
	Name     string   `json:"name"` // db.table for dumps with a database
	Columns  []Column `json:"columns"`
	TimeZone string   `json:"time_zone,omitempty"`
}

// Value is one field: NULL, UTF-8 text, or bytes for binary columns.
type Value struct {
	Null bool
	Data []byte // valid until the next call to Next
}

// Event is what Source.Next found.
type Event = sqldump.Event

// Events.
const (
	EventTable = sqldump.EventTable
	EventRow   = sqldump.EventRow
)

// RowError is a row that could not be read; reading continues.
type RowError = sqldump.RowError

// Source streams the tables and rows of one seized file.
type Source interface {
	// Next returns EventTable or EventRow, a *RowError for a bad row (call
	// Next again), io.EOF at the end, or another error for good.
	Next() (Event, error)
	Table() *Table
	Row() []Value
	RowNumber() int64
	Offset() int64
	BytesRead() int64
	Close() error
}

// Options configure reading.
type Options struct {
	SQLDump sqldump.Options
	Delim   delim.Options
	JSONL   jsonl.Options
}

// Open opens path, sniffs its format and returns a Source. The caller must
// Close it. A CSV, TSV or JSON-lines file holds one table named after the
// file (its base name without extensions: "users.csv.gz" → "users"); its
// row numbers are line numbers (the header is line 1).
func Open(path string, opts Options) (Source, Format, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("open %s: %w", path, err)
	}
	br := bufio.NewReaderSize(f, 64<<10)
	format, err := Sniff(br)
	if err != nil {
		f.Close()
		return nil, "", fmt.Errorf("sniff %s: %w", path, err)
	}
	if err := checkHead(br, path); err != nil {
		f.Close()
		return nil, "", err
	}
	switch format {
	case FormatSQLDump:
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			// SkipTable may jump ahead in a plain file (not in gzip).
			opts.SQLDump.Seek, opts.SQLDump.SeekSize = f, st.Size()
		}
		r, err := sqldump.NewReader(br, &opts.SQLDump)
		if err != nil {
			f.Close()
			return nil, "", fmt.Errorf("open %s: %w", path, err)
		}
		return &dumpSource{r: r, f: f}, format, nil
	case FormatCSV:
		rc, err := decompress(br, opts.SQLDump.MaxDecompressed)
		if err != nil {
			f.Close()
			return nil, "", fmt.Errorf("open %s: %w", path, err)
		}
		r, err := delim.NewReader(rc, &opts.Delim)
		if err != nil {
			f.Close()
			return nil, "", fmt.Errorf("open %s: %w", path, err)
		}
		if r.Dialect().Comma == '\t' {
			format = FormatTSV
		}
		s := newDelimSource(r, f, &Table{Name: FileTable(path)})
		for _, h := range r.Header() {
			s.table.Columns = append(s.table.Columns, Column{Name: h})
		}
		return s, format, nil
	case FormatJSONL:
		rc, err := decompress(br, opts.SQLDump.MaxDecompressed)
		if err != nil {
			f.Close()
			return nil, "", fmt.Errorf("open %s: %w", path, err)
		}
		cols, err := jsonl.Scan(rc, &opts.JSONL)
		f.Close()
		if err != nil {
			return nil, "", fmt.Errorf("open %s: %w", path, err)
		}
		if f, err = os.Open(path); err != nil {
			return nil, "", fmt.Errorf("open %s: %w", path, err)
		}
		rc, err = decompress(bufio.NewReaderSize(f, 64<<10), opts.SQLDump.MaxDecompressed)
		if err != nil {
			f.Close()
			return nil, "", fmt.Errorf("open %s: %w", path, err)
		}
		s := newJSONLSource(jsonl.NewReader(rc, cols, &opts.JSONL), f, &Table{Name: FileTable(path)})
		for _, c := range cols {
			s.table.Columns = append(s.table.Columns, Column{Name: c})
		}
		return s, format, nil
	}
	f.Close()
	return nil, format, fmt.Errorf("open %s: unknown format %s: %w", path, format, coinsift.ErrInvalid)
}

// FileTable is the table name of a CSV, TSV or JSON-lines file: its base
// name up to the first dot.
func FileTable(path string) string {
	base := filepath.Base(path)
	if i := strings.IndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base
}

// decompress returns br, or a gzip reader of it if it starts with the gzip
// magic, capped at max decompressed bytes (0: 1 TiB, negative: no cap).
func decompress(br *bufio.Reader, max int64) (io.Reader, error) {
	head, _ := br.Peek(2)
	if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, err
	}
	if max == 0 {
		max = 1 << 40
	}
	if max < 0 {
		return zr, nil
	}
	return &cappedReader{r: zr, left: max}, nil
}

type cappedReader struct {
	r    io.Reader
	left int64
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("decompressed input over the limit: %w", coinsift.ErrInvalid)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// Sniff looks at the first bytes of r (decompressing gzip) and names the
// format: a SQL dump starts with comments or SQL keywords, JSON lines with
// '{', anything else is taken as delimited text.
func Sniff(br *bufio.Reader) (Format, error) {
	head, err := br.Peek(4096)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return "", err
	}
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		// Decompress what the peeked bytes hold.
		return sniffPlain(gunzipPrefix(head)), nil
	}
	return sniffPlain(head), nil
}

// gunzipPrefix returns what the first bytes of a gzip stream expand to.
func gunzipPrefix(b []byte) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	out := make([]byte, 4096)
	n, _ := io.ReadFull(zr, out)
	return out[:n]
}

func sniffPlain(head []byte) Format {
	t := bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf")
	if len(t) == 0 {
		return FormatSQLDump
	}
	if t[0] == '{' {
		return FormatJSONL
	}
	up := strings.ToUpper(string(t[:min(len(t), 16)]))
	for _, p := range []string{"--", "/*", "#", "CREATE", "INSERT", "DROP", "SET", "USE", "LOCK", "REPLACE"} {
		if strings.HasPrefix(up, p) {
			return FormatSQLDump
		}
	}
	return FormatCSV
}

// dumpSource adapts a sqldump.Reader: text is decoded to UTF-8 from the
// dump's character set, and text that is not valid in it is a RowError.
type dumpSource struct {
	r     *sqldump.Reader
	f     *os.File
	table *Table
	tabs  map[*sqldump.Table]*Table
	row   []Value
	dec   [][]byte
}

func (s *dumpSource) Next() (Event, error) {
	ev, err := s.r.Next()
	if err != nil {
		return ev, err
	}
	st := s.r.Table()
	if s.tabs == nil {
		s.tabs = map[*sqldump.Table]*Table{}
	}
	t := s.tabs[st]
	if t == nil || ev == EventTable || len(t.Columns) != len(st.Columns) {
		t = &Table{Name: st.QualifiedName(), TimeZone: st.TimeZone}
		for _, c := range st.Columns {
			t.Columns = append(t.Columns, Column{Name: c.Name, Type: c.Type, Binary: c.Binary})
		}
		s.tabs[st] = t
	}
	s.table = t
	if ev != EventRow {
		return ev, nil
	}
	vals := s.r.Row()
	if cap(s.row) < len(vals) {
		s.row = make([]Value, len(vals))
		s.dec = make([][]byte, len(vals))
	}
	s.row = s.row[:len(vals)]
	for i, v := range vals {
		c := st.Columns[i]
		switch {
		case v.Kind == sqldump.Null:
			s.row[i] = Value{Null: true}
		case sqldump.IsBinary(v, c) || v.Kind == sqldump.Number || v.Kind == sqldump.Keyword:
			s.row[i] = Value{Data: v.Data}
		default:
			cs := s.r.Charset()
			if v.Kind == sqldump.Bytes {
				cs = c.Charset // a hex literal is in the column's charset
			}
			out, ok := sqldump.Decode(s.dec[i], v, cs)
			if !ok {
				return 0, &RowError{Table: t.Name, Row: s.r.RowNumber(), Offset: s.r.Offset(),
					Reason: fmt.Sprintf("column %s: not valid %s text", c.Name, cs), Raw: capBytes(v.Data)}
			}
			if cs == "latin1" {
				s.dec[i] = out
			}
			s.row[i] = Value{Data: out}
		}
	}
	return ev, nil
}

func capBytes(b []byte) []byte {
	if len(b) > 4096 {
		b = b[:4096]
	}
	return append([]byte(nil), b...)
}

func (s *dumpSource) Table() *Table    { return s.table }
func (s *dumpSource) Row() []Value     { return s.row }
func (s *dumpSource) RowNumber() int64 { return s.r.RowNumber() }
func (s *dumpSource) Offset() int64    { return s.r.Offset() }
func (s *dumpSource) BytesRead() int64 { return s.r.BytesRead() }

// SkipTable skips the rest of the current table (sqldump.Reader.SkipTable).
func (s *dumpSource) SkipTable(count bool) (int64, bool) { return s.r.SkipTable(count) }

func (s *dumpSource) Close() error {
	return errors.Join(s.r.Close(), s.f.Close())
}

// osStat returns the size of a plain (not gzip) file, for progress totals.
func osStat(path string) (int64, error) {
	if strings.HasSuffix(path, ".gz") {
		return 0, errors.New("compressed")
	}
	st, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// lineReader is what CSV/TSV and JSON-lines readers have in common.
type lineReader interface {
	Next() error
	Line() int64
	Offset() int64
	BytesRead() int64
}

// lineSource adapts a line-oriented reader (delim or jsonl): one table,
// row numbers are lines. fields copies the current record into dst; badRow
// turns the reader's per-record error into a RowError (nil for any other
// error); utf8 requires every non-NULL field to be valid UTF-8.
type lineSource struct {
	r       lineReader
	f       *os.File
	table   *Table
	started bool
	row     []Value
	fields  func(dst []Value) []Value
	badRow  func(err error) *RowError
	utf8    bool
}

func newDelimSource(r *delim.Reader, f *os.File, t *Table) *lineSource {
	return &lineSource{r: r, f: f, table: t, utf8: true,
		fields: func(dst []Value) []Value {
			for _, fd := range r.Fields() {
				dst = append(dst, Value{Null: fd.Null, Data: fd.Data})
			}
			return dst
		},
		badRow: func(err error) *RowError {
			var re *delim.RecordError
			if errors.As(err, &re) {
				return &RowError{Table: t.Name, Row: re.Line, Offset: re.Offset, Reason: re.Reason, Raw: re.Raw}
			}
			return nil
		}}
}

func newJSONLSource(r *jsonl.Reader, f *os.File, t *Table) *lineSource {
	return &lineSource{r: r, f: f, table: t,
		fields: func(dst []Value) []Value {
			for _, fd := range r.Fields() {
				dst = append(dst, Value{Null: fd.Null, Data: fd.Data})
			}
			return dst
		},
		badRow: func(err error) *RowError {
			var le *jsonl.LineError
			if errors.As(err, &le) {
				return &RowError{Table: t.Name, Row: le.Line, Offset: le.Offset, Reason: le.Reason, Raw: le.Raw}
			}
			return nil
		}}
}

func (s *lineSource) Next() (Event, error) {
	if !s.started {
		s.started = true
		return EventTable, nil
	}
	if err := s.r.Next(); err != nil {
		if re := s.badRow(err); re != nil {
			return 0, re
		}
		return 0, err
	}
	s.row = s.fields(s.row[:0])
	if s.utf8 {
		for i, v := range s.row {
			if !v.Null && !utf8.Valid(v.Data) {
				return 0, &RowError{Table: s.table.Name, Row: s.r.Line(), Offset: s.r.Offset(),
					Reason: fmt.Sprintf("column %s: not valid UTF-8 text", s.table.Columns[i].Name), Raw: capBytes(v.Data)}
			}
		}
	}
	return EventRow, nil
}

func (s *lineSource) Table() *Table    { return s.table }
func (s *lineSource) Row() []Value     { return s.row }
func (s *lineSource) RowNumber() int64 { return s.r.Line() }
func (s *lineSource) Offset() int64    { return s.r.Offset() }
func (s *lineSource) BytesRead() int64 { return s.r.BytesRead() }
func (s *lineSource) Close() error     { return s.f.Close() }
