package delim

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	coinsift "github.com/coinsift/coinsift"
)

// Errors returned by the Reader. They wrap coinsift.ErrInvalid.
var (
	ErrTooLarge = fmt.Errorf("delim: input too large: %w", coinsift.ErrInvalid)
	ErrNoHeader = fmt.Errorf("delim: empty input: %w", coinsift.ErrInvalid)
)

// Options configure a Reader. The zero value sniffs the dialect and uses
// the default limits.
type Options struct {
	// Comma is the field delimiter; 0 sniffs it among ',', '\t', ';', '|'.
	Comma byte
	// Header: 1 the first record names the columns, -1 it does not (columns
	// are column1, column2, …), 0 sniff.
	Header int
	// MaxRecord caps one record's size in bytes (a quoted field may span
	// lines); default 16 MiB.
	MaxRecord int
	// MaxRecordLines caps the physical lines of one record; default 10000.
	MaxRecordLines int
	// MaxColumns caps the number of fields; default 4096.
	MaxColumns int
	// SniffBytes is how much of the input sniffing looks at; default 64 KiB.
	SniffBytes int
	// BufferSize is the read buffer size; default 256 KiB.
	BufferSize int
}

// EnsureDefaults fills zero fields with their defaults.
func (o *Options) EnsureDefaults() {
	if o.MaxRecord <= 0 {
		o.MaxRecord = 16 << 20
	}
	if o.MaxRecordLines <= 0 {
		o.MaxRecordLines = 10000
	}
	if o.MaxColumns <= 0 {
		o.MaxColumns = 4096
	}
	if o.SniffBytes <= 0 {
		o.SniffBytes = 64 << 10
	}
	if o.BufferSize <= 0 {
		o.BufferSize = 256 << 10
	}
}

// Dialect is what sniffing (or the options) decided.
type Dialect struct {
	Comma  byte `json:"comma"`
	Quote  byte `json:"quote"`
	Header bool `json:"header"`
}

// Field is one field of a record: NULL (an empty unquoted field, or \N in
// tab-separated input) or text (an empty quoted field is the empty string).
type Field struct {
	Null bool
	Data []byte // valid until the next call to Next
}

// RecordError is a record that could not be read; reading continues with the
// next line.
type RecordError struct {
	Line   int64  // 1-based line number where the record starts
	Offset int64  // byte offset of that line
	Reason string // what is wrong
	Raw    []byte // the offending line (a prefix of it)
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("delim: line %d (offset %d): %s", e.Line, e.Offset, e.Reason)
}

// Is reports that a RecordError is of kind coinsift.ErrInvalid.
func (e *RecordError) Is(target error) bool { return target == coinsift.ErrInvalid }

// maxRaw caps the bytes of a bad line kept in a RecordError.
const maxRaw = 4096

type line struct {
	start, end int // in Reader.arena
	no         int64
	off        int64
}

// Reader reads delimited text (RFC 4180 CSV, TSV, semicolon- or
// pipe-separated) as records. Quoted fields may hold delimiters, quotes
// (doubled) and line breaks. A malformed record — an unterminated quote, a
// character after a closing quote, a wrong number of fields — is reported
// as a *RecordError for its first line, and reading resumes on the next
// line, so that one bad quote does not swallow the rest of the file.
type Reader struct {
	br      *bufio.Reader
	opts    Options
	dialect Dialect
	header  []string

	arena   []byte
	pending []line // physical lines read but not yet consumed
	eof     bool
	err     error
	lineNo  int64
	offset  int64 // offset of the next byte to read from br

	fields []Field
	fbuf   []byte // unescaped quoted fields
	ends   []int  // field boundaries in fbuf while parsing
	nulls  []bool
	recNo  int64 // line of the current record
	recOff int64
	first  bool // the next record is the first (header not sniffed off yet)
	tsv    bool
}

// NewReader sniffs the dialect from the first bytes of r and reads the
// header. r should not be buffered further by the caller.
func NewReader(r io.Reader, opts *Options) (*Reader, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	o.EnsureDefaults()
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < o.BufferSize {
		br = bufio.NewReaderSize(r, o.BufferSize)
	}
	rd := &Reader{br: br, opts: o}
	head, err := br.Peek(o.SniffBytes)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("delim: sniff: %w", err)
	}
	if len(head) > 3 && bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
		rd.offset = 3
		head = head[3:]
	}
	rd.dialect = Sniff(head, o.Comma)
	rd.tsv = rd.dialect.Comma == '\t'
	// Read the first record to decide about the header.
	for {
		err := rd.next()
		if err == io.EOF {
			return nil, ErrNoHeader
		}
		if err != nil {
			var re *RecordError
			if errors.As(err, &re) {
				return nil, fmt.Errorf("delim: header: %w", err)
			}
			return nil, err
		}
		break
	}
	first := make([]string, len(rd.fields))
	for i, f := range rd.fields {
		first[i] = string(f.Data)
	}
	switch {
	case o.Header > 0:
		rd.dialect.Header = true
	case o.Header < 0:
		rd.dialect.Header = false
	default:
		rd.dialect.Header = looksLikeHeader(rd.fields)
	}
	if rd.dialect.Header {
		rd.header = uniqueNames(first)
	} else {
		rd.header = make([]string, len(first))
		for i := range first {
			rd.header[i] = "column" + strconv.Itoa(i+1)
		}
		rd.first = true // the record read is data
	}
	return rd, nil
}

// Dialect returns the delimiter, quote and whether there is a header.
func (r *Reader) Dialect() Dialect { return r.dialect }

// Header returns the column names: the header's (made unique), or column1…
func (r *Reader) Header() []string { return r.header }

// Fields returns the fields of the current record.
func (r *Reader) Fields() []Field { return r.fields }

// Line returns the 1-based line number where the current record starts.
func (r *Reader) Line() int64 { return r.recNo }

// Offset returns the byte offset of the current record.
func (r *Reader) Offset() int64 { return r.recOff }

// BytesRead returns the bytes consumed from the input.
func (r *Reader) BytesRead() int64 { return r.offset }

// Next reads the next record. It returns io.EOF at the end, a *RecordError
// for a malformed record (call Next again), or another error for good.
func (r *Reader) Next() error {
	if r.first {
		r.first = false
		return nil
	}
	return r.next()
}

// readLine appends the next physical line to pending; false at the end.
func (r *Reader) readLine() (bool, error) {
	if r.eof {
		return false, nil
	}
	if len(r.pending) == 0 {
		r.arena = r.arena[:0]
	}
	start := len(r.arena)
	off := r.offset
	for {
		chunk, err := r.br.ReadSlice('\n')
		r.arena = append(r.arena, chunk...)
		r.offset += int64(len(chunk))
		if len(r.arena)-start > r.opts.MaxRecord+2 {
			// Skip the rest of an overlong line.
			for errors.Is(err, bufio.ErrBufferFull) {
				chunk, err = r.br.ReadSlice('\n')
				r.offset += int64(len(chunk))
			}
			r.arena = r.arena[:start+r.opts.MaxRecord+2]
		}
		if err == nil {
			break
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF {
			r.eof = true
			if len(r.arena) == start {
				return false, nil
			}
			break
		}
		return false, fmt.Errorf("delim: read at offset %d: %w", r.offset, err)
	}
	r.lineNo++
	r.pending = append(r.pending, line{start: start, end: len(r.arena), no: r.lineNo, off: off})
	return true, nil
}

// next parses the next record from the pending lines, reading more as
// needed. On a malformed record it consumes only the first line.
func (r *Reader) next() error {
	if r.err != nil {
		return r.err
	}
	for {
		if len(r.pending) == 0 {
			ok, err := r.readLine()
			if err != nil {
				r.err = err
				return err
			}
			if !ok {
				return io.EOF
			}
		}
		first := r.pending[0]
		if isBlank(r.arena[first.start:first.end]) {
			r.pending = r.pending[1:]
			continue
		}
		n := 1
		for {
			buf := r.arena[first.start:r.pending[n-1].end]
			st, reason := r.parse(buf)
			if st == parsed && r.header != nil && len(r.ends) != len(r.header) {
				st, reason = bad, fmt.Sprintf("record has %d fields, want %d", len(r.ends), len(r.header))
			}
			if st == parsed {
				r.recNo, r.recOff = first.no, first.off
				r.pending = r.pending[n:]
				return nil
			}
			if st == needMore && n < r.opts.MaxRecordLines && len(buf) <= r.opts.MaxRecord {
				if n == len(r.pending) {
					ok, err := r.readLine()
					if err != nil {
						r.err = err
						return err
					}
					if !ok {
						reason = "unterminated quoted field"
						st = bad
					}
				}
				if st == needMore {
					n++
					continue
				}
			}
			if st == needMore {
				reason = fmt.Sprintf("quoted field longer than %d lines or %d bytes", r.opts.MaxRecordLines, r.opts.MaxRecord)
			}
			// Malformed: give up the first line only, and resume after it.
			raw := r.arena[first.start:first.end]
			if len(raw) > maxRaw {
				raw = raw[:maxRaw]
			}
			r.pending = r.pending[1:]
			return &RecordError{Line: first.no, Offset: first.off, Reason: reason, Raw: bytes.Clone(bytes.TrimRight(raw, "\r\n"))}
		}
	}
}

func isBlank(b []byte) bool {
	return len(bytes.TrimRight(b, "\r\n")) == 0
}

type parseState int

const (
	parsed parseState = iota
	needMore
	bad
)

// parse splits buf (one or more whole lines) into fields.
func (r *Reader) parse(buf []byte) (parseState, string) {
	comma, quote := r.dialect.Comma, r.dialect.Quote
	r.fbuf = r.fbuf[:0]
	r.ends = r.ends[:0]
	r.nulls = r.nulls[:0]
	n := len(buf)
	// Strip the final line break.
	if n > 0 && buf[n-1] == '\n' {
		n--
		if n > 0 && buf[n-1] == '\r' {
			n--
		}
	}
	pos := 0
	for {
		if len(r.ends) >= r.opts.MaxColumns {
			return bad, fmt.Sprintf("more than %d fields", r.opts.MaxColumns)
		}
		if pos < n && buf[pos] == quote && quote != 0 {
			pos++
			for {
				q := bytes.IndexByte(buf[pos:n], quote)
				if q < 0 {
					return needMore, ""
				}
				r.fbuf = append(r.fbuf, buf[pos:pos+q]...)
				pos += q + 1
				if pos < n && buf[pos] == quote {
					r.fbuf = append(r.fbuf, quote)
					pos++
					continue
				}
				break
			}
			r.ends = append(r.ends, len(r.fbuf))
			r.nulls = append(r.nulls, false)
			if pos == n {
				break
			}
			if buf[pos] != comma {
				return bad, fmt.Sprintf("unexpected %q after closing quote of field %d", buf[pos], len(r.ends))
			}
			pos++
			continue
		}
		end := bytes.IndexByte(buf[pos:n], comma)
		if end < 0 {
			end = n
		} else {
			end += pos
		}
		f := buf[pos:end]
		null := len(f) == 0 || r.tsv && len(f) == 2 && f[0] == '\\' && f[1] == 'N'
		if !null {
			r.fbuf = append(r.fbuf, f...)
		}
		r.ends = append(r.ends, len(r.fbuf))
		r.nulls = append(r.nulls, null)
		if end == n {
			break
		}
		pos = end + 1
	}
	if cap(r.fields) < len(r.ends) {
		r.fields = make([]Field, len(r.ends))
	}
	r.fields = r.fields[:len(r.ends)]
	start := 0
	for i, e := range r.ends {
		r.fields[i] = Field{Null: r.nulls[i], Data: r.fbuf[start:e:e]}
		start = e
	}
	return parsed, ""
}

// Sniff decides the dialect of delimited text from its first bytes: the
// delimiter (unless comma is given) is the candidate among ',', '\t', ';'
// and '|' that splits the most lines into the same number (>1) of fields,
// quotes ignored; the quote is '"'.
func Sniff(head []byte, comma byte) Dialect {
	d := Dialect{Comma: comma, Quote: '"'}
	if comma != 0 {
		return d
	}
	lines := bytes.Split(head, []byte("\n"))
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last may be cut
	}
	if len(lines) > 50 {
		lines = lines[:50]
	}
	best, bestScore := byte(','), 0
	for _, c := range []byte{',', '\t', ';', '|'} {
		counts := map[int]int{}
		for _, l := range lines {
			counts[countOutsideQuotes(l, c)]++
		}
		mode, modeN := 0, 0
		for k, v := range counts {
			if v > modeN || v == modeN && k > mode {
				mode, modeN = k, v
			}
		}
		if mode == 0 {
			continue
		}
		if score := modeN*1000 + mode; score > bestScore {
			best, bestScore = c, score
		}
	}
	d.Comma = best
	return d
}

func countOutsideQuotes(l []byte, c byte) int {
	n, in := 0, false
	for _, b := range l {
		switch {
		case b == '"':
			in = !in
		case b == c && !in:
			n++
		}
	}
	return n
}

// looksLikeHeader reports whether the first record names columns: its
// non-empty fields (at least one) are not numbers and hold no
// '@' or line break.
func looksLikeHeader(fields []Field) bool {
	named := 0
	for _, f := range fields {
		s := string(f.Data)
		if f.Null || s == "" {
			continue // an unnamed column
		}
		named++
		if len(s) > 128 || bytes.ContainsAny(f.Data, "@\n") {
			return false
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return false
		}
	}
	return named > 0
}

// uniqueNames makes column names distinct ("a", "a" → "a", "a_2") and
// names empty ones column<i>.
func uniqueNames(names []string) []string {
	out := make([]string, len(names))
	seen := map[string]bool{}
	for i, n := range names {
		if n == "" {
			n = "column" + strconv.Itoa(i+1)
		}
		base := n
		for k := 2; seen[n]; k++ {
			n = base + "_" + strconv.Itoa(k)
		}
		seen[n] = true
		out[i] = n
	}
	return out
}
