package sqldump

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	coinsift "github.com/coinsift/coinsift"
	"github.com/klauspost/compress/gzip"
)

// Errors returned by the Reader. They wrap coinsift.ErrInvalid.
var (
	ErrTooLarge   = fmt.Errorf("sqldump: input too large: %w", coinsift.ErrInvalid)
	ErrUnexpected = fmt.Errorf("sqldump: unexpected end of input: %w", coinsift.ErrInvalid)
	ErrSyntax     = fmt.Errorf("sqldump: syntax error: %w", coinsift.ErrInvalid)
)

// Options bound the Reader's work. The zero value means the defaults.
type Options struct {
	// MaxField caps one value's size in bytes (after unescaping); a row with a
	// larger value is reported as a RowError. Default 16 MiB.
	MaxField int
	// MaxRow caps the size of one row (all values); default 64 MiB.
	MaxRow int
	// MaxColumns caps the number of values in one row; default 4096.
	MaxColumns int
	// MaxStatement caps a non-INSERT statement (CREATE TABLE ...) kept in
	// memory; longer statements are skipped, and reported as a RowError when
	// they are statements the Reader acts on (CREATE TABLE, USE, SET).
	// Default 4 MiB. (The header of an INSERT, up to VALUES, is capped at
	// 64 KiB.)
	MaxStatement int
	// MaxDecompressed caps the decompressed size of a gzip input (a guard
	// against decompression bombs). Default 1 TiB; negative means no limit.
	MaxDecompressed int64
	// Charset is the connection character set assumed until the dump says
	// SET NAMES. Default "utf8mb4".
	Charset string
	// BufferSize is the read buffer size; default 256 KiB.
	BufferSize int
	// Seek, when set, reads the same bytes as the stream at random (the
	// plain file behind it) and SeekSize is their length: SkipTable without
	// count then jumps over a table's INSERT lines instead of reading them
	// (see SkipTable). Ignored for gzip input.
	Seek     io.ReaderAt
	SeekSize int64
}

// EnsureDefaults fills zero fields with their defaults.
func (o *Options) EnsureDefaults() {
	if o.MaxField <= 0 {
		o.MaxField = 16 << 20
	}
	if o.MaxRow <= 0 {
		o.MaxRow = 64 << 20
	}
	if o.MaxRow < o.MaxField {
		o.MaxRow = o.MaxField
	}
	if o.MaxColumns <= 0 {
		o.MaxColumns = 4096
	}
	if o.MaxStatement <= 0 {
		o.MaxStatement = 4 << 20
	}
	if o.MaxDecompressed == 0 {
		o.MaxDecompressed = 1 << 40
	}
	if o.Charset == "" {
		o.Charset = "utf8mb4"
	}
	if o.BufferSize <= 0 {
		o.BufferSize = 256 << 10
	}
}

// Event is what Next found.
type Event uint8

// Events returned by Next.
const (
	// EventTable: a CREATE TABLE was read; Table() describes it.
	EventTable Event = iota + 1
	// EventRow: a row of an INSERT was read; Table() and Row() describe it.
	EventRow
)

// RowError reports a row that could not be read. It is not sticky: the
// caller may quarantine it and call Next again.
type RowError struct {
	Table  string // qualified table name, "" if unknown
	Row    int64  // 1-based row number within Table, 0 if unknown
	Offset int64  // byte offset of the row (or statement) in the decompressed input
	Reason string
	Raw    []byte // a prefix of the offending bytes, for the quarantine
	// Skipped reports that the rest of the statement was skipped to resync.
	Skipped bool
}

func (e *RowError) Error() string {
	s := fmt.Sprintf("sqldump: offset %d", e.Offset)
	if e.Table != "" {
		s += ": table " + e.Table
	}
	if e.Row > 0 {
		s += fmt.Sprintf(": row %d", e.Row)
	}
	return s + ": " + e.Reason
}

// Is reports that a RowError is of kind coinsift.ErrInvalid.
func (e *RowError) Is(target error) bool { return target == coinsift.ErrInvalid }

// Reader reads a mysqldump or mariadb-dump file, plain or gzip-compressed,
// as a stream of tables and rows.
type Reader struct {
	opts  Options
	src   io.Reader
	gz    *gzip.Reader
	async *asyncReader

	buf      []byte
	pos, end int
	base     int64  // stream offset of buf[0]
	back     []byte // the last bytes (up to maxDelim) before buf[0]; see behind
	eof      bool
	readErr  error
	raw      *countReader // the file's bytes, for a gzip input
	cut      bool         // the gzip stream ended early
	tail     []byte       // the last bytes of the input read, for Ending
	err      error        // sticky

	charset  string
	timeZone string
	database string
	delim    []byte
	tables   map[string]*Table
	order    []*Table

	// Current INSERT.
	inInsert bool
	cur      *Table
	colMap   []int // insert position -> table column; nil = identity
	ncols    int   // values expected per tuple, 0 = unknown
	rowOff   int64
	rowNum   int64

	arena   []byte
	spans   []span
	row     []Value
	outRow  []Value
	tooBig  string
	stmt    []byte
	lastEvt Event

	unclosed int64 // offset of a block comment that the input ended in, or -1

	afterRow    bool // Next just returned a row (and nothing was skipped since)
	headChecked bool
	dumpTool    bool  // the header says mysqldump or mariadb-dump wrote it
	pending     error // a RowError found by SkipTable, returned by Next
}

type span struct {
	kind       Kind
	intro      string
	start, end int
	binary     bool
}

// NewReader returns a Reader over r, decompressing it if it starts with the
// gzip magic bytes. opts may be nil.
func NewReader(r io.Reader, opts *Options) (*Reader, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	o.EnsureDefaults()
	rd := &Reader{
		opts:     o,
		buf:      make([]byte, o.BufferSize),
		charset:  strings.ToLower(o.Charset),
		delim:    []byte{';'},
		tables:   map[string]*Table{},
		unclosed: -1,
	}
	// Peek at the magic bytes without losing them.
	var magic [2]byte
	cr := &countReader{r: r}
	n, err := io.ReadFull(cr, magic[:])
	head := io.MultiReader(bytes.NewReader(magic[:n]), cr)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		rd.src = bytes.NewReader(magic[:n])
	case err != nil:
		return nil, fmt.Errorf("sqldump: read: %w", err)
	case magic[0] == 0x1f && magic[1] == 0x8b:
		gz, err := gzip.NewReader(head)
		if err != nil {
			return nil, fmt.Errorf("sqldump: gzip: %w", coinsift.ErrCorrupt)
		}
		rd.gz, rd.raw = gz, cr
		rd.async = newAsyncReader(&limitReader{r: gz, n: o.MaxDecompressed}, 256<<10, 4)
		rd.src = rd.async
	default:
		rd.src = head
	}
	return rd, nil
}

// limitReader fails with ErrTooLarge past n bytes (n < 0: no limit).
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n < 0 {
		return l.r.Read(p)
	}
	if l.n == 0 {
		// Probe: is there more?
		var one [1]byte
		n, err := l.r.Read(one[:])
		if n > 0 {
			return 0, fmt.Errorf("decompressed size exceeds limit: %w", ErrTooLarge)
		}
		return 0, err
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// Tables returns the tables seen so far, in the order of their CREATE TABLE
// or first INSERT.
func (r *Reader) Tables() []*Table { return r.order }

// Table returns the table of the last event.
func (r *Reader) Table() *Table { return r.cur }

// Row returns the values of the last EventRow, one per column of Table()
// (in CREATE TABLE order when the INSERT named its columns; columns it did
// not name are NULL). The slice and its bytes are valid until the next call
// to Next.
func (r *Reader) Row() []Value { return r.outRow }

// RowNumber returns the 1-based number of the last row within its table.
func (r *Reader) RowNumber() int64 { return r.rowNum }

// Offset returns the byte offset, in the decompressed input, of the last
// row's opening parenthesis or of the last statement.
func (r *Reader) Offset() int64 { return r.rowOff }

// BytesRead returns how many decompressed bytes have been consumed.
func (r *Reader) BytesRead() int64 { return r.base + int64(r.pos) }

// Charset returns the dump's current connection character set (SET NAMES).
func (r *Reader) Charset() string { return r.charset }

// TimeZone returns the dump's session time zone (SET TIME_ZONE), "" if unset.
func (r *Reader) TimeZone() string { return r.timeZone }

// Close stops the decompressor goroutine and releases it; it does not close
// the underlying reader. Call it when done, also after an error.
func (r *Reader) Close() error {
	if r.async != nil {
		r.async.Close()
	}
	if r.gz != nil {
		return r.gz.Close()
	}
	return nil
}

// fill reads more input, keeping buf[pos:end]. It reports whether any byte
// was added.
func (r *Reader) fill() bool {
	if r.eof {
		return false
	}
	if r.pos > 0 {
		r.back = keepTail(r.back, r.buf[:r.pos], maxDelim)
		n := copy(r.buf, r.buf[r.pos:r.end])
		r.base += int64(r.pos)
		r.end = n
		r.pos = 0
	}
	if r.end == len(r.buf) {
		// Callers need at most a few bytes of lookahead; grow defensively.
		nb := make([]byte, 2*len(r.buf))
		copy(nb, r.buf[:r.end])
		r.buf = nb
	}
	for tries := 0; tries < 100; tries++ {
		n, err := r.src.Read(r.buf[r.end:])
		r.end += n
		if n > 0 {
			r.tail = keepTail(r.tail, r.buf[r.end-n:r.end], tailSize)
		}
		if err != nil {
			r.eof = true
			switch {
			case err == io.ErrUnexpectedEOF && r.gz != nil:
				// A truncated gzip stream: parse what it held; Ending
				// reports the cut.
				r.cut = true
			case err != io.EOF:
				r.readErr = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	r.eof = true
	r.readErr = io.ErrNoProgress
	return false
}

// ensure makes n bytes available after pos if the input has them.
func (r *Reader) ensure(n int) bool {
	for r.end-r.pos < n {
		if !r.fill() {
			return r.end-r.pos >= n
		}
	}
	return true
}

func (r *Reader) off() int64 { return r.base + int64(r.pos) }

// behind returns the last n (at most maxDelim) bytes of input before pos, or
// all of them if there are fewer. fill keeps them in back when it drops them
// from buf, so the result does not depend on the buffer size. The slice may
// alias buf or back: copy it before the next fill.
func (r *Reader) behind(n int) []byte {
	if r.pos >= n {
		return r.buf[r.pos-n : r.pos]
	}
	b := r.back
	if k := n - r.pos; len(b) > k {
		b = b[len(b)-k:]
	}
	return append(append([]byte(nil), b...), r.buf[:r.pos]...)
}

// keepTail appends b to dst and keeps only the last n bytes.
func keepTail(dst, b []byte, n int) []byte {
	if len(b) >= n {
		return append(dst[:0], b[len(b)-n:]...)
	}
	dst = append(dst, b...)
	if len(dst) > n {
		dst = append(dst[:0], dst[len(dst)-n:]...)
	}
	return dst
}

func (r *Reader) fail(err error) (Event, error) {
	if r.readErr != nil {
		err = fmt.Errorf("sqldump: read at offset %d: %w", r.off(), r.readErr)
	}
	r.err = err
	return 0, err
}

// Next reads the next table or row. It returns io.EOF at the end of the
// input, a *RowError for a row that could not be read (call Next again to
// continue), and any other error for good.
func (r *Reader) Next() (Event, error) {
	if r.err != nil {
		return 0, r.err
	}
	r.checkHead()
	r.afterRow = false
	if err := r.pending; err != nil {
		r.pending = nil
		return 0, err
	}
	for {
		if r.inInsert {
			ev, err := r.nextTuple()
			if ev != 0 || err != nil {
				return ev, err
			}
			continue
		}
		ev, err := r.statement()
		if ev != 0 || err != nil {
			return ev, err
		}
	}
}

// skipSpace skips white space and comments that are not conditional
// comments. It reports false at the end of input.
func (r *Reader) skipSpace() bool {
	for {
		if r.pos >= r.end && !r.fill() {
			return false
		}
		c := r.buf[r.pos]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			r.pos++
		case c == '-':
			if !r.ensure(3) || r.buf[r.pos+1] != '-' || !isSpaceOrEnd(r.buf[r.pos+2]) {
				if r.end-r.pos == 2 && r.buf[r.pos+1] == '-' {
					r.pos += 2
					continue
				}
				return true
			}
			r.skipLine()
		case c == '#':
			r.skipLine()
		case c == '/':
			if !r.ensure(3) || r.buf[r.pos+1] != '*' {
				return true
			}
			if r.buf[r.pos+2] == '!' || (r.buf[r.pos+2] == 'M' && r.ensure(4) && r.buf[r.pos+3] == '!') {
				return true // conditional comment: code
			}
			r.skipBlockComment()
		default:
			return true
		}
	}
}

func isSpaceOrEnd(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r'
}

func (r *Reader) skipLine() {
	for {
		if r.pos >= r.end && !r.fill() {
			return
		}
		if i := bytes.IndexByte(r.buf[r.pos:r.end], '\n'); i >= 0 {
			r.pos += i + 1
			return
		}
		r.pos = r.end
	}
}

// skipBlockComment skips the "/*" at pos and the comment, to just after the
// next "*/". If the input ends first, it notes where the comment started:
// statement reports it at the end of input.
func (r *Reader) skipBlockComment() {
	start := r.off()
	r.pos += 2
	for {
		if !r.ensure(2) {
			r.pos = r.end
			if r.unclosed < 0 {
				r.unclosed = start
			}
			return
		}
		if r.buf[r.pos] == '*' && r.buf[r.pos+1] == '/' {
			r.pos += 2
			return
		}
		r.pos++
	}
}

// peekWord returns the upper-cased keyword at pos (letters and '_') without
// consuming it.
func (r *Reader) peekWord(max int) string {
	r.ensure(max + 1)
	i := r.pos
	for i < r.end && i-r.pos < max && isIdentByte(r.buf[i]) {
		i++
	}
	return strings.ToUpper(string(r.buf[r.pos:i]))
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80
}

// statement reads one top-level statement. INSERT statements switch the
// reader into row mode; others are gathered and interpreted.
func (r *Reader) statement() (Event, error) {
	if !r.skipSpace() {
		if r.readErr != nil {
			return r.fail(nil)
		}
		if at := r.unclosed; at >= 0 {
			r.unclosed = -1
			return 0, &RowError{Offset: at, Reason: "unterminated comment", Skipped: true}
		}
		r.err = io.EOF
		return 0, io.EOF
	}
	r.rowOff = r.off()
	w := r.peekWord(16)
	switch w {
	case "INSERT", "REPLACE":
		return r.insertHeader()
	case "DELIMITER":
		r.pos += len(w)
		r.stmt = r.readLine(r.stmt[:0])
		line := r.stmt
		d := bytes.TrimSpace(line)
		if len(d) == 0 || len(d) > maxDelim {
			return 0, &RowError{Offset: r.rowOff, Reason: "bad DELIMITER", Raw: capRaw(line)}
		}
		r.delim = append(r.delim[:0], d...)
		return 0, nil
	}
	if r.gather() {
		return r.statementTooLong()
	}
	return r.interpret()
}

// maxDelim is the longest delimiter DELIMITER accepts.
const maxDelim = 16

// maxLine bounds readLine.
const maxLine = 1 << 16

// readLine reads the rest of the line into out (reusing its capacity) and
// consumes its newline. It stops after maxLine bytes, at that very byte whatever the buffer size,
// leaving the rest of a longer line unread.
func (r *Reader) readLine(out []byte) []byte {
	out = out[:0]
	for {
		if r.pos >= r.end && !r.fill() {
			return out
		}
		b := r.buf[r.pos:min(r.end, r.pos+maxLine-len(out))]
		if cap(out)-len(out) < len(b) {
			out = grow(out, len(b), maxLine)
		}
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			out = append(out, b[:i]...)
			r.pos += i + 1
			return out
		}
		out = append(out, b...)
		r.pos += len(b)
		if len(out) >= maxLine {
			return out
		}
	}
}

// gather reads a statement up to the current delimiter into r.stmt, keeping
// quoted text verbatim, dropping comments and unwrapping conditional
// comments. Text beyond MaxStatement is dropped: gather then reports
// overflow, and r.stmt holds the statement's first MaxStatement bytes.
func (r *Reader) gather() (overflow bool) {
	r.stmt = r.stmt[:0]
	put := func(b ...byte) {
		if overflow || len(r.stmt)+len(b) > r.opts.MaxStatement {
			overflow = true
			return
		}
		if cap(r.stmt)-len(r.stmt) < len(b) {
			r.stmt = grow(r.stmt, len(b), r.opts.MaxStatement)
		}
		r.stmt = append(r.stmt, b...)
	}
	inCond := 0
	for {
		if r.pos >= r.end && !r.fill() {
			break
		}
		c := r.buf[r.pos]
		if c == r.delim[0] && r.ensure(len(r.delim)) && bytes.Equal(r.buf[r.pos:r.pos+len(r.delim)], r.delim) {
			r.pos += len(r.delim)
			break
		}
		switch c {
		case '\'', '"', '`':
			r.pos++
			put(c)
			for {
				if r.pos >= r.end && !r.fill() {
					break
				}
				d := r.buf[r.pos]
				r.pos++
				put(d)
				if d == '\\' && c != '`' {
					if r.pos < r.end || r.fill() {
						put(r.buf[r.pos])
						r.pos++
					}
					continue
				}
				if d == c {
					if r.ensure(1) && r.buf[r.pos] == c {
						put(c)
						r.pos++
						continue
					}
					break
				}
			}
			continue
		case '/':
			if r.ensure(2) && r.buf[r.pos+1] == '*' {
				r.ensure(4)
				if r.pos+2 < r.end && (r.buf[r.pos+2] == '!' || (r.buf[r.pos+2] == 'M' && r.pos+3 < r.end && r.buf[r.pos+3] == '!')) {
					r.pos += 3
					if r.buf[r.pos-1] == 'M' {
						r.pos++
					}
					for r.ensure(1) && r.buf[r.pos] >= '0' && r.buf[r.pos] <= '9' {
						r.pos++
					}
					inCond++
					put(' ')
					continue
				}
				r.skipBlockComment()
				put(' ')
				continue
			}
		case '*':
			if inCond > 0 && r.ensure(2) && r.buf[r.pos+1] == '/' {
				r.pos += 2
				inCond--
				put(' ')
				continue
			}
		case '-':
			if r.ensure(3) && r.buf[r.pos+1] == '-' && isSpaceOrEnd(r.buf[r.pos+2]) {
				r.skipLine()
				put(' ')
				continue
			}
		case '#':
			r.skipLine()
			put(' ')
			continue
		}
		put(c)
		r.pos++
	}
	return overflow
}

// statementTooLong reports a statement longer than MaxStatement, which was
// skipped, if it is one interpret acts on; others are ignored as before.
func (r *Reader) statementTooLong() (Event, error) {
	kind := actsOn(r.stmt)
	if kind == "" {
		return 0, nil
	}
	return 0, &RowError{Offset: r.rowOff, Reason: fmt.Sprintf("%s statement exceeds %d bytes", kind, r.opts.MaxStatement), Raw: capRaw(r.stmt), Skipped: true}
}

func capRaw(b []byte) []byte {
	const max = 4096
	if len(b) > max {
		b = b[:max]
	}
	return append([]byte(nil), b...)
}

// tailSize is how many of the last bytes read the Reader keeps to find the
// completion line.
const tailSize = 512

// countReader counts the bytes read from r.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// Ending is how an input ended: whole, or cut short. A dump tool's last line
// is "-- Dump completed on DATE" (or "-- Dump completed" with
// --skip-dump-date): in a file that starts with a dump tool's header, its
// absence is a sign that the end is missing; a gzip stream that stops
// before its trailer is proof.
type Ending struct {
	// Truncated reports that the input ends early.
	Truncated bool `json:"truncated"`
	// GzipShort reports the proof: the gzip stream ends before its end.
	GzipShort bool `json:"gzip_short,omitempty"`
	// Reason says how the cut shows, e.g. "gzip stream ends early".
	Reason string `json:"reason,omitempty"`
	// Offset is the decompressed bytes read.
	Offset int64 `json:"offset"`
	// FileOffset is the bytes of the file read: where a truncated gzip
	// file ends. For plain input it equals Offset.
	FileOffset int64 `json:"file_offset"`
	// Completed is the DATE of the completion line, "" if there is none
	// or it has no date.
	Completed string `json:"completed,omitempty"`
	// LastTable is the table of the last CREATE TABLE or INSERT read:
	// with a truncated input, its rows may stop early and every table
	// after it is missing.
	LastTable string `json:"last_table,omitempty"`
}

// completionPrefix starts the last line of a mysqldump or mariadb-dump file.
var completionPrefix = []byte("-- Dump completed")

// Ending reports how the input ended. It is meaningful once Next has
// returned io.EOF.
func (r *Reader) Ending() Ending {
	e := Ending{Offset: r.BytesRead(), FileOffset: r.BytesRead()}
	if r.raw != nil {
		e.FileOffset = r.raw.n
	}
	if len(r.order) > 0 {
		e.LastTable = r.order[len(r.order)-1].QualifiedName()
	}
	if r.cur != nil {
		e.LastTable = r.cur.QualifiedName()
	}
	t := bytes.TrimRight(r.tail, " \t\r\n")
	last := t[bytes.LastIndexByte(t, '\n')+1:]
	completed := bytes.HasPrefix(last, completionPrefix)
	if completed {
		e.Completed = string(bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimPrefix(last, completionPrefix), []byte(" on "))))
		if !utf8.ValidString(e.Completed) || len(e.Completed) > 64 {
			e.Completed = ""
		}
	}
	switch {
	case r.cut:
		e.Truncated, e.GzipShort, e.Reason = true, true, "gzip stream ends early"
	case r.dumpTool && !completed:
		e.Truncated, e.Reason = true, "dump has no completion line"
	}
	return e
}

// Dump tool headers: the first line of mysqldump and mariadb-dump output.
var dumpHeaders = [][]byte{[]byte("-- MySQL dump "), []byte("-- MariaDB dump ")}

// checkHead notes, once, whether the input starts with a dump tool's header.
func (r *Reader) checkHead() {
	if r.headChecked {
		return
	}
	r.headChecked = true
	r.ensure(32)
	if r.base != 0 || r.pos != 0 {
		return
	}
	for _, h := range dumpHeaders {
		if bytes.HasPrefix(r.buf[r.pos:r.end], h) {
			r.dumpTool = true
		}
	}
}

// SkipTable skips the rest of the current table's rows: the rest of the
// INSERT statement being read and the INSERT statements into the same table
// that follow it. With count, it returns the number of rows skipped (and
// the table's Rows and RowNumber stay exact); without, it returns -1 and
// Rows counts only the rows read.
//
// Without count, in a plain file it can read at random (Options.Seek), it
// jumps over the run of INSERT lines (seekAhead).
//
// It relies on what mysqldump and mariadb-dump write: one INSERT statement
// per line, and newlines inside values escaped as \n. It does nothing and
// reports false unless the input starts with their header ("-- MySQL dump"
// or "-- MariaDB dump") and a row of an INSERT was just read.
func (r *Reader) SkipTable(count bool) (skipped int64, ok bool) {
	r.checkHead()
	if !r.dumpTool || !r.inInsert || r.err != nil || r.pending != nil || !r.afterRow {
		return 0, false
	}
	r.afterRow = false
	t := r.cur
	for {
		n := r.skipInsertLine(count)
		if !count {
			r.seekAhead()
		}
		skipped += n
		if count {
			t.Rows += n
			r.rowNum = t.Rows
		}
		r.inInsert = false
		if !r.skipSpace() {
			break
		}
		if w := r.peekWord(16); w != "INSERT" && w != "REPLACE" {
			break
		}
		r.rowOff = r.off()
		if _, err := r.insertHeader(); err != nil {
			r.pending = err
			break
		}
		if r.cur != t {
			break // the next table's rows: Next reads them
		}
	}
	if !count {
		skipped = -1
	}
	return skipped, true
}

// seekAhead moves the reader, at the start of a line, to the start of the
// last line that begins like this one does (INSERT INTO `t` VALUES), in
// a run of such lines: it probes the file at growing distances, then
// halves the gap, reading a few kilobytes a probe instead of every line
// (a 10 GB table is skipped in milliseconds instead of seconds, or tens of
// seconds from disk). It assumes what mysqldump writes for one database:
// a table's INSERT lines all in one run. It does nothing for gzip input,
// without Options.Seek, or once a USE statement was read (a dump of
// several databases may hold two tables of the same name).
func (r *Reader) seekAhead() {
	ra, size := r.opts.Seek, r.opts.SeekSize
	if ra == nil || r.gz != nil || r.database != "" || r.err != nil || r.pending != nil {
		return
	}
	r.ensure(4096)
	line := r.buf[r.pos:r.end]
	line = line[:min(len(line), 4096)]
	i := bytes.Index(line, []byte(" VALUES "))
	if i < 0 || !bytes.HasPrefix(line, []byte("INSERT INTO ")) {
		return
	}
	head := append([]byte(nil), line[:i+len(" VALUES ")]...)
	start := r.base + int64(r.pos)
	win := make([]byte, 64<<10)
	// probe returns the start of the first line after off and whether it
	// begins with head; ok is false when it cannot tell.
	probe := func(off int64) (ls int64, same, ok bool) {
		for end := off; end-off < 4<<20; {
			n, err := ra.ReadAt(win, end)
			if n == 0 {
				if err == io.EOF {
					return size, false, true
				}
				return 0, false, false
			}
			if k := bytes.IndexByte(win[:n], '\n'); k >= 0 {
				ls = end + int64(k) + 1
				h := make([]byte, len(head))
				m, _ := ra.ReadAt(h, ls)
				return ls, m == len(h) && bytes.Equal(h, head), true
			}
			end += int64(n)
		}
		return 0, false, false // a line over 4 MiB: read it
	}
	const near = 1 << 20
	lo, hi, step := start, size, int64(near)
	for {
		p := lo + step
		if p >= size {
			break
		}
		ls, same, ok := probe(p)
		if !ok || !same {
			hi = p
			break
		}
		lo, step = ls, step*2
	}
	for hi-lo > near {
		mid := lo + (hi-lo)/2
		if ls, same, ok := probe(mid); ok && same && ls < hi {
			lo = ls
		} else {
			hi = mid
		}
	}
	if lo <= start+near {
		return // reading on is as cheap
	}
	r.src = io.NewSectionReader(ra, lo, size-lo)
	r.base, r.pos, r.end = lo, 0, 0
	r.back = append(r.back[:0], '\n')
	r.eof, r.readErr = false, nil
}

// skipInsertLine skips to just after the end of the current line. With
// count, it scans the bytes outside quoted strings and returns the tuples
// that start on the line.
func (r *Reader) skipInsertLine(count bool) (n int64) {
	inStr, esc := false, false
	for {
		if r.pos >= r.end && !r.fill() {
			return n
		}
		b := r.buf[r.pos:r.end]
		if !count {
			if i := bytes.IndexByte(b, '\n'); i >= 0 {
				r.pos += i + 1
				return n
			}
			r.pos = r.end
			continue
		}
		for i, c := range b {
			switch {
			case esc:
				esc = false
			case inStr:
				if c == '\\' {
					esc = true
				} else if c == '\'' {
					inStr = false
				}
			case c == '\'':
				inStr = true
			case c == '(':
				n++
			case c == '\n':
				r.pos += i + 1
				return n
			}
		}
		r.pos = r.end
	}
}
