// Package jsonl reads JSON lines — one object per line, as many services
// and scrapers export their tables — as rows of a table whose columns are
// the union of the objects' keys.
//
// # Model
//
// A [Scan] pass collects the keys in order of first appearance (capped by
// Options.MaxColumns); a [Reader] then yields, for each line, one [Field]
// per column: NULL for a missing key or JSON null, the text of strings,
// the literal text of numbers and booleans, and the compact JSON text of
// nested objects and arrays.
//
// # Invariants
//
// A line that is not a JSON object is a [*LineError] with its 1-based line
// number and byte offset; reading continues. Lines are capped by
// Options.MaxLine; memory is bounded whatever the input.
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	coinsift "github.com/coinsift/coinsift"
)

// ErrTooManyColumns reports more distinct keys than Options.MaxColumns.
var ErrTooManyColumns = fmt.Errorf("jsonl: too many distinct keys: %w", coinsift.ErrInvalid)

// Options bound the reader's work.
type Options struct {
	MaxLine    int // bytes; default 16 MiB
	MaxColumns int // distinct keys; default 4096
	BufferSize int // default 256 KiB
}

// EnsureDefaults fills zero fields with their defaults.
func (o *Options) EnsureDefaults() {
	if o.MaxLine <= 0 {
		o.MaxLine = 16 << 20
	}
	if o.MaxColumns <= 0 {
		o.MaxColumns = 4096
	}
	if o.BufferSize <= 0 {
		o.BufferSize = 256 << 10
	}
}

// Field is one value: NULL or text.
type Field struct {
	Null bool
	Data []byte // valid until the next call to Next
}

// LineError is a line that is not a JSON object; reading continues.
type LineError struct {
	Line   int64
	Offset int64
	Reason string
	Raw    []byte
}

func (e *LineError) Error() string {
	return fmt.Sprintf("jsonl: line %d (offset %d): %s", e.Line, e.Offset, e.Reason)
}

// Is reports that a LineError is of kind coinsift.ErrInvalid.
func (e *LineError) Is(target error) bool { return target == coinsift.ErrInvalid }

const maxRaw = 4096

// Reader yields the rows of JSON lines.
type Reader struct {
	br     *bufio.Reader
	opts   Options
	cols   []string
	index  map[string]int
	fields []Field
	buf    []byte
	line   []byte
	lineNo int64
	recNo  int64
	recOff int64
	offset int64
	err    error
}

// NewReader returns a reader of r with the given columns (from Scan).
func NewReader(r io.Reader, columns []string, opts *Options) *Reader {
	var o Options
	if opts != nil {
		o = *opts
	}
	o.EnsureDefaults()
	rd := &Reader{br: bufio.NewReaderSize(r, o.BufferSize), opts: o, cols: columns, index: map[string]int{}}
	for i, c := range columns {
		rd.index[c] = i
	}
	rd.fields = make([]Field, len(columns))
	return rd
}

// Scan reads r once and returns the keys of its objects in order of first
// appearance. Bad lines are skipped (the Reader reports them).
func Scan(r io.Reader, opts *Options) ([]string, error) {
	rd := NewReader(r, nil, opts)
	var cols []string
	seen := map[string]bool{}
	for {
		l, err := rd.readLine()
		if err == io.EOF {
			return cols, nil
		}
		var le *LineError
		if errors.As(err, &le) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if l == nil {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(l))
		if t, err := dec.Token(); err != nil || t != json.Delim('{') {
			continue
		}
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				break
			}
			k, _ := t.(string)
			if !seen[k] {
				if len(cols) >= rd.opts.MaxColumns {
					return nil, ErrTooManyColumns
				}
				seen[k] = true
				cols = append(cols, k)
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				break
			}
		}
	}
}

// Columns returns the column names.
func (r *Reader) Columns() []string { return r.cols }

// Fields returns the current row.
func (r *Reader) Fields() []Field { return r.fields }

// Line returns the 1-based line number of the current row.
func (r *Reader) Line() int64 { return r.recNo }

// Offset returns the byte offset of the current row.
func (r *Reader) Offset() int64 { return r.recOff }

// BytesRead returns the bytes consumed.
func (r *Reader) BytesRead() int64 { return r.offset }

// readLine returns the next line without its terminator, nil for a blank
// line or an overlong one (reported by the caller through r.line == nil and
// a LineError), io.EOF at the end.
func (r *Reader) readLine() ([]byte, error) {
	if r.err != nil {
		return nil, r.err
	}
	r.line = r.line[:0]
	r.recOff = r.offset
	long := false
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.offset += int64(len(chunk))
		if !long {
			r.line = append(r.line, chunk...)
			if len(r.line) > r.opts.MaxLine {
				long = true
				r.line = r.line[:min(len(r.line), maxRaw)]
			}
		}
		if err == nil {
			break
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF {
			if len(r.line) == 0 {
				return nil, io.EOF
			}
			break
		}
		r.err = fmt.Errorf("jsonl: read at offset %d: %w", r.offset, err)
		return nil, r.err
	}
	r.lineNo++
	r.recNo = r.lineNo
	if long {
		return nil, &LineError{Line: r.recNo, Offset: r.recOff, Reason: fmt.Sprintf("line longer than %d bytes", r.opts.MaxLine), Raw: bytes.Clone(r.line)}
	}
	l := bytes.TrimRight(r.line, "\r\n")
	if len(bytes.TrimSpace(l)) == 0 {
		return nil, nil
	}
	return l, nil
}

// Next reads the next row: io.EOF at the end, a *LineError for a bad line
// (call Next again), another error for good.
func (r *Reader) Next() error {
	for {
		l, err := r.readLine()
		if err != nil {
			return err
		}
		if l == nil {
			continue
		}
		return r.decode(l)
	}
}

func (r *Reader) bad(l []byte, format string, a ...any) error {
	raw := l
	if len(raw) > maxRaw {
		raw = raw[:maxRaw]
	}
	return &LineError{Line: r.recNo, Offset: r.recOff, Reason: fmt.Sprintf(format, a...), Raw: bytes.Clone(raw)}
}

func (r *Reader) decode(l []byte) error {
	if !json.Valid(l) {
		return r.bad(l, "not valid JSON")
	}
	dec := json.NewDecoder(bytes.NewReader(l))
	dec.UseNumber()
	t, err := dec.Token()
	if err != nil || t != json.Delim('{') {
		return r.bad(l, "not a JSON object")
	}
	for i := range r.fields {
		r.fields[i] = Field{Null: true}
	}
	r.buf = r.buf[:0]
	type span struct{ col, start, end int }
	var spans [64]span
	sp := spans[:0]
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return r.bad(l, "bad key: %v", err)
		}
		k, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return r.bad(l, "bad value of %q: %v", k, err)
		}
		ci, ok := r.index[k]
		if !ok {
			continue // a key Scan did not see (the file changed): ignored
		}
		start := len(r.buf)
		switch raw[0] {
		case 'n':
			continue
		case '"':
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return r.bad(l, "bad string %q: %v", k, err)
			}
			r.buf = append(r.buf, s...)
		case '{', '[':
			var c bytes.Buffer
			if err := json.Compact(&c, raw); err != nil {
				return r.bad(l, "bad value of %q: %v", k, err)
			}
			r.buf = append(r.buf, c.Bytes()...)
		default:
			r.buf = append(r.buf, raw...)
		}
		sp = append(sp, span{ci, start, len(r.buf)})
	}
	for _, s := range sp {
		r.fields[s.col] = Field{Data: r.buf[s.start:s.end:s.end]}
	}
	return nil
}
