package seized

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/seized/sqldump"
)

// Format of a seized file.
type Format string

// Formats.
const (
	FormatSQLDump Format = "sqldump"
	FormatCSV     Format = "csv"
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
}

// Open opens path, sniffs its format and returns a Source. The caller must
// Close it.
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
	switch format {
	case FormatSQLDump:
		r, err := sqldump.NewReader(br, &opts.SQLDump)
		if err != nil {
			f.Close()
			return nil, "", fmt.Errorf("open %s: %w", path, err)
		}
		return &dumpSource{r: r, f: f}, format, nil
	}
	f.Close()
	return nil, format, fmt.Errorf("open %s: format %s is loaded with DuckDB's reader, not streamed: %w", path, format, coinsift.ErrInvalid)
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
