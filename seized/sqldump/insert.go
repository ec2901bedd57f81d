package sqldump

import (
	"bytes"
	"fmt"
	"math/bits"
	"strings"
)

// Kind is the lexical kind of a Value.
type Kind uint8

// Value kinds.
const (
	Null    Kind = iota // NULL
	String              // a quoted string; Data holds the unescaped bytes
	Number              // a numeric literal; Data holds its text ("-1.50e3")
	Bytes               // a hex (0x.., X'..') or bit (b'..', 0b..) literal; Data holds the bytes
	Keyword             // a bare word such as TRUE, FALSE, DEFAULT; Data holds it
)

var kindNames = [...]string{"NULL", "string", "number", "bytes", "keyword"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Value is one value of a row. Data aliases the Reader's buffers and is
// valid until the next call to Next.
type Value struct {
	Kind Kind
	Data []byte
	// Introducer is a character-set introducer written before the literal,
	// lower case without the underscore ("binary", "utf8mb4", "latin1"), or "".
	Introducer string
}

// IsNull reports whether v is SQL NULL.
func (v Value) IsNull() bool { return v.Kind == Null }

// insertHeader parses "INSERT [modifiers] [INTO] name [(cols)] VALUES".
func (r *Reader) insertHeader() (Event, error) {
	start := r.rowOff
	// Gather up to VALUES into stmt (bounded).
	r.stmt = r.stmt[:0]
	for {
		if !r.skipSpace() {
			return 0, &RowError{Offset: start, Reason: "INSERT without VALUES", Raw: capRaw(r.stmt), Skipped: true}
		}
		c := r.buf[r.pos]
		if c == '(' && endsWithValues(r.stmt) {
			break
		}
		if c == ';' {
			r.pos++
			return 0, &RowError{Offset: start, Reason: "INSERT without VALUES", Raw: capRaw(r.stmt), Skipped: true}
		}
		if len(r.stmt) > maxHeader {
			return r.headerTooLong(start, "")
		}
		if c == '`' || c == '"' || c == '\'' {
			// Quoted identifier; copy verbatim with the quotes, within the
			// header limit: an unterminated quote must not make the header
			// grow with the input.
			r.putHeader(c)
			r.pos++
			for {
				if r.pos >= r.end && !r.fill() {
					break
				}
				if len(r.stmt) > maxHeader {
					return r.headerTooLong(start, " inside a quoted identifier")
				}
				d := r.buf[r.pos]
				r.pos++
				r.putHeader(d)
				if d == c {
					if r.ensure(1) && r.buf[r.pos] == c {
						r.putHeader(c)
						r.pos++
						continue
					}
					break
				}
			}
			continue
		}
		r.putHeader(c)
		r.pos++
		if !isIdentByte(c) {
			r.putHeader(' ')
		} else if r.ensure(1) && !isIdentByte(r.buf[r.pos]) {
			// End of a word: look at the next byte even when it is not read
			// yet, so that "0." and "0 ." tokenize the same whatever the
			// buffer size.
			r.putHeader(' ')
		}
	}
	toks := tokenize(r.stmt, 1<<16)
	i := 0
	for i < len(toks) && toks[i].kind == tokWord {
		u := strings.ToUpper(toks[i].text)
		if u == "INSERT" || u == "REPLACE" || u == "IGNORE" || u == "LOW_PRIORITY" || u == "DELAYED" || u == "HIGH_PRIORITY" || u == "INTO" {
			i++
			continue
		}
		break
	}
	if i >= len(toks) || !toks[i].isIdent() {
		r.resync()
		return 0, &RowError{Offset: start, Reason: "INSERT without table name", Raw: capRaw(r.stmt), Skipped: true}
	}
	db, name := r.database, toks[i].text
	i++
	if i+1 < len(toks) && toks[i].text == "." && toks[i+1].isIdent() {
		db, name = name, toks[i+1].text
		i += 2
	}
	t := r.lookup(db, name)
	r.cur = t
	r.colMap = r.colMap[:0]
	var named []string
	if i < len(toks) && toks[i].text == "(" {
		for i++; i < len(toks) && toks[i].text != ")"; i++ {
			if toks[i].isIdent() {
				named = append(named, toks[i].text)
			}
		}
	}
	r.ncols = len(t.Columns)
	r.colMap = nil
	if len(named) > r.opts.MaxColumns {
		r.resync()
		return 0, &RowError{Table: t.QualifiedName(), Offset: start, Reason: fmt.Sprintf("INSERT names more than %d columns", r.opts.MaxColumns), Raw: capRaw(r.stmt), Skipped: true}
	}
	if len(named) > 0 {
		if !t.Declared && len(t.Columns) == 0 {
			for _, n := range named {
				t.Columns = append(t.Columns, Column{Name: n, Nullable: true})
			}
			r.ncols = len(named)
		} else {
			m := make([]int, len(named))
			identity := len(named) == len(t.Columns)
			for k, n := range named {
				m[k] = -1
				for ci, c := range t.Columns {
					if strings.EqualFold(c.Name, n) {
						m[k] = ci
						break
					}
				}
				if m[k] < 0 {
					r.resync()
					return 0, &RowError{Table: t.QualifiedName(), Offset: start, Reason: fmt.Sprintf("INSERT names unknown column %q", n), Skipped: true}
				}
				if m[k] != k {
					identity = false
				}
			}
			if !identity {
				r.colMap = m
			}
			r.ncols = len(named)
		}
	}
	r.inInsert = true
	return 0, nil
}

// maxHeader bounds the text of an INSERT header kept in memory, from INSERT
// to VALUES (table name and column list).
const maxHeader = 64 << 10

// putHeader appends b to the INSERT header in r.stmt. Its callers check
// maxHeader first, so that the header never exceeds it by more than a few
// bytes.
func (r *Reader) putHeader(b ...byte) {
	if cap(r.stmt)-len(r.stmt) < len(b) {
		r.stmt = grow(r.stmt, len(b), maxHeader+8)
	}
	r.stmt = append(r.stmt, b...)
}

// headerTooLong skips the rest of an INSERT whose header exceeds maxHeader.
func (r *Reader) headerTooLong(start int64, where string) (Event, error) {
	raw := capRaw(r.stmt)
	r.resync()
	return 0, &RowError{Offset: start, Reason: fmt.Sprintf("INSERT header exceeds %d bytes%s", maxHeader, where), Raw: raw, Skipped: true}
}

// endsWithValues reports whether the last word of b is VALUES or VALUE.
func endsWithValues(b []byte) bool {
	b = bytes.TrimRight(b, " \t\r\n")
	for _, w := range []string{"VALUES", "VALUE"} {
		if len(b) >= len(w) && bytes.EqualFold(b[len(b)-len(w):], []byte(w)) &&
			(len(b) == len(w) || !isIdentByte(b[len(b)-len(w)-1])) {
			return true
		}
	}
	return false
}

// resync skips to just after the next newline that ends a line ending with
// the delimiter (carriage returns before the newline do not count), and
// leaves row mode. The line's bytes before pos count too, as far back as
// maxDelim bytes: whether a delimiter is seen never depends on where the
// buffer was refilled.
func (r *Reader) resync() {
	r.inInsert = false
	t := lineTail{n: len(r.delim)}
	before := r.behind(maxDelim)
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	t.add(before)
	for {
		if r.pos >= r.end && !r.fill() {
			return
		}
		b := r.buf[r.pos:r.end]
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			t.add(b)
			r.pos = r.end
			continue
		}
		t.add(b[:i])
		r.pos += i + 1
		if bytes.HasSuffix(t.b, r.delim) {
			return
		}
		t.reset()
	}
}

// lineTail follows the end of a line read in pieces: the last n bytes before
// its trailing carriage returns (b), and the number of those returns (cr).
type lineTail struct {
	b  []byte
	cr int
	n  int
}

func (t *lineTail) add(p []byte) {
	s := bytes.TrimRight(p, "\r")
	if len(s) == 0 {
		t.cr += len(p)
		return
	}
	// The returns before s are inside the line after all.
	for k := min(t.cr, t.n); k > 0; k-- {
		t.b = append(t.b, '\r')
	}
	t.b = keepTail(t.b, s, t.n)
	t.cr = len(p) - len(s)
}

func (t *lineTail) reset() {
	t.b = t.b[:0]
	t.cr = 0
}

// nextTuple reads one "(...)" of the current INSERT and the separator after
// it. It returns (0, nil) when the statement has ended.
func (r *Reader) nextTuple() (Event, error) {
	if !r.skipSpace() {
		r.inInsert = false
		return 0, nil
	}
	c := r.buf[r.pos]
	if c == ';' {
		r.pos++
		r.inInsert = false
		return 0, nil
	}
	if c != '(' {
		// ON DUPLICATE KEY UPDATE ... or garbage: skip the rest.
		off := r.off()
		r.ensure(64)
		raw := capRaw(r.buf[r.pos:min(r.end, r.pos+64)])
		up := strings.ToUpper(string(raw))
		r.resync()
		if strings.HasPrefix(up, "ON DUPLICATE") {
			return 0, nil
		}
		return 0, &RowError{Table: r.cur.QualifiedName(), Offset: off, Reason: fmt.Sprintf("expected ( or , or ; got %q", c), Raw: raw, Skipped: true}
	}
	t := r.cur
	t.Rows++
	r.rowNum = t.Rows
	r.rowOff = r.off()
	r.pos++
	r.arena = r.arena[:0]
	r.spans = r.spans[:0]
	r.tooBig = ""
	for {
		if !r.skipSpace() {
			return r.tupleErr("unexpected end of input in row", true)
		}
		if len(r.spans) >= r.opts.MaxColumns {
			return r.tupleErr(fmt.Sprintf("more than %d values", r.opts.MaxColumns), true)
		}
		if err := r.value(); err != "" {
			return r.tupleErr(err, true)
		}
		if !r.skipSpace() {
			return r.tupleErr("unexpected end of input in row", true)
		}
		c := r.buf[r.pos]
		r.pos++
		if c == ',' {
			continue
		}
		if c == ')' {
			break
		}
		r.pos--
		return r.tupleErr(fmt.Sprintf("expected , or ) after value %d, got %q", len(r.spans), c), true)
	}
	// Separator.
	if r.skipSpace() {
		switch r.buf[r.pos] {
		case ',':
			r.pos++
		case ';':
			r.pos++
			r.inInsert = false
		}
	} else {
		r.inInsert = false
	}
	if r.tooBig != "" {
		return r.tupleErr(r.tooBig, false)
	}
	if r.ncols == 0 && !t.Declared && len(t.Columns) == 0 {
		// No CREATE TABLE: name the columns c1..cN.
		for k := range r.spans {
			t.Columns = append(t.Columns, Column{Name: fmt.Sprintf("c%d", k+1), Nullable: true})
		}
		r.ncols = len(r.spans)
	}
	if len(r.spans) != r.ncols {
		return r.tupleErr(fmt.Sprintf("row has %d values, want %d", len(r.spans), r.ncols), false)
	}
	r.buildRow()
	r.afterRow = true
	return EventRow, nil
}

func (r *Reader) tupleErr(reason string, skip bool) (Event, error) {
	e := &RowError{Table: r.cur.QualifiedName(), Row: r.rowNum, Offset: r.rowOff, Reason: reason, Skipped: skip}
	e.Raw = capRaw(r.arena)
	if skip {
		r.resync()
	}
	return 0, e
}

func (r *Reader) buildRow() {
	n := len(r.cur.Columns)
	if cap(r.outRow) < n {
		r.outRow = make([]Value, n)
	}
	r.outRow = r.outRow[:n]
	if r.colMap == nil {
		for k, s := range r.spans {
			r.outRow[k] = Value{Kind: s.kind, Data: r.arena[s.start:s.end:s.end], Introducer: s.intro}
		}
		return
	}
	for k := range r.outRow {
		r.outRow[k] = Value{}
	}
	for k, s := range r.spans {
		r.outRow[r.colMap[k]] = Value{Kind: s.kind, Data: r.arena[s.start:s.end:s.end], Introducer: s.intro}
	}
}

// value reads one literal at pos, appending its bytes to the arena. It
// returns a reason on syntax errors.
func (r *Reader) value() string {
	c := r.buf[r.pos]
	sp := span{start: len(r.arena)}
	switch {
	case c == '\'' || c == '"':
		sp.kind = String
		r.pos++
		if err := r.str(c); err != "" {
			return err
		}
	case c == '_':
		// Character-set introducer: _binary 'x', _utf8mb4 0x.., _latin1'x'.
		r.ensure(40)
		j := r.pos + 1
		for j < r.end && j-r.pos < 40 && isIdentByte(r.buf[j]) {
			j++
		}
		sp.intro = strings.ToLower(string(r.buf[r.pos+1 : j]))
		r.pos = j
		if !r.skipSpace() {
			return "unexpected end of input after introducer"
		}
		if r.buf[r.pos] == '_' {
			return "double introducer"
		}
		if err := r.value(); err != "" {
			return err
		}
		// value appended its own span; patch the introducer.
		r.spans[len(r.spans)-1].intro = sp.intro
		return ""
	case c == '0' && r.ensure(3) && (r.buf[r.pos+1] == 'x' || r.buf[r.pos+1] == 'X') && isHex(r.buf[r.pos+2]):
		sp.kind = Bytes
		r.pos += 2
		if err := r.hexDigits(0); err != "" {
			return err
		}
	case c == '0' && r.ensure(3) && (r.buf[r.pos+1] == 'b') && (r.buf[r.pos+2] == '0' || r.buf[r.pos+2] == '1'):
		sp.kind = Bytes
		r.pos += 2
		if err := r.bitDigits(0); err != "" {
			return err
		}
	case (c == 'x' || c == 'X') && r.ensure(2) && r.buf[r.pos+1] == '\'':
		sp.kind = Bytes
		r.pos += 2
		if err := r.hexDigits('\''); err != "" {
			return err
		}
	case (c == 'b' || c == 'B') && r.ensure(2) && r.buf[r.pos+1] == '\'':
		sp.kind = Bytes
		r.pos += 2
		if err := r.bitDigits('\''); err != "" {
			return err
		}
	case c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'):
		sp.kind = Number
		r.number()
	case isIdentByte(c):
		r.ensure(64)
		j := r.pos
		for j < r.end && j-r.pos < 64 && isIdentByte(r.buf[j]) {
			j++
		}
		w := r.buf[r.pos:j]
		if len(w) == 4 && (w[0]|0x20) == 'n' && (w[1]|0x20) == 'u' && (w[2]|0x20) == 'l' && (w[3]|0x20) == 'l' {
			sp.kind = Null
		} else {
			sp.kind = Keyword
			if r.room(sp.start, len(w)) {
				r.arena = append(r.arena, w...)
			}
		}
		r.pos = j
	default:
		return fmt.Sprintf("unexpected %q at start of value", c)
	}
	sp.end = len(r.arena)
	r.spans = append(r.spans, sp)
	return ""
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// room reports whether n more bytes fit in the current field and row; if
// not it records the reason and returns false (the caller keeps scanning
// without storing). Every append to the arena is guarded by room, which
// also grows the arena, so that its capacity never exceeds MaxRow.
func (r *Reader) room(start, n int) bool {
	if r.tooBig != "" {
		return false
	}
	if len(r.arena)-start+n > r.opts.MaxField {
		r.tooBig = fmt.Sprintf("value %d exceeds %d bytes", len(r.spans)+1, r.opts.MaxField)
		return false
	}
	if len(r.arena)+n > r.opts.MaxRow {
		r.tooBig = fmt.Sprintf("row exceeds %d bytes", r.opts.MaxRow)
		return false
	}
	if cap(r.arena)-len(r.arena) < n {
		r.arena = grow(r.arena, n, r.opts.MaxRow)
	}
	return true
}

// grow returns b with room for n more bytes: its capacity becomes a power of
// two, at least double the old one, but not beyond limit (unless len(b)+n
// is), so that a buffer filled up to limit allocates under 2*limit bytes in
// all.
func grow(b []byte, n, limit int) []byte {
	need := max(len(b)+n, 2*cap(b), 1024)
	c := max(min(1<<bits.Len(uint(need-1)), limit), len(b)+n)
	nb := make([]byte, len(b), c)
	copy(nb, b)
	return nb
}

// str reads a quoted string body after its opening quote q.
func (r *Reader) str(q byte) string {
	start := len(r.arena)
	for {
		if r.pos >= r.end && !r.fill() {
			return "unterminated string"
		}
		b := r.buf[r.pos:r.end]
		i := 0
		for i < len(b) && b[i] != q && b[i] != '\\' {
			i++
		}
		if i > 0 && r.room(start, i) {
			r.arena = append(r.arena, b[:i]...)
		}
		r.pos += i
		if i == len(b) {
			continue
		}
		ch := b[i]
		if !r.ensure(2) {
			if ch == q {
				r.pos++
				return ""
			}
			return "unterminated string"
		}
		e := r.buf[r.pos+1]
		if ch == '\\' {
			r.pos += 2
			if r.room(start, 2) {
				r.arena = appendEscape(r.arena, e)
			}
			continue
		}
		// Quote: doubled means a literal quote.
		if e == q {
			r.pos += 2
			if r.room(start, 1) {
				r.arena = append(r.arena, q)
			}
			continue
		}
		r.pos++
		return ""
	}
}

// hexDigits reads hex digits into bytes; if close is non-zero it must end
// the literal (X'..').
func (r *Reader) hexDigits(close byte) string {
	start := len(r.arena)
	half := false
	var acc byte
	n := 0
	for {
		if r.pos >= r.end && !r.fill() {
			break
		}
		c := r.buf[r.pos]
		if !isHex(c) {
			break
		}
		r.pos++
		n++
		if half {
			if r.room(start, 1) {
				r.arena = append(r.arena, acc<<4|unhex(c))
			}
			half = false
		} else {
			acc = unhex(c)
			half = true
		}
	}
	if half {
		// Odd number of digits: MySQL pads on the left. Shift the nibbles.
		if r.room(start, 1) {
			b := r.arena[start:]
			carry := byte(0)
			for k := range b {
				v := b[k]
				b[k] = carry<<4 | v>>4
				carry = v & 0x0f
			}
			r.arena = append(r.arena, carry<<4|acc)
		}
	}
	if close != 0 {
		if !r.ensure(1) || r.buf[r.pos] != close {
			return "bad hex literal"
		}
		if n%2 == 1 {
			return "odd hex literal"
		}
		r.pos++
	}
	return ""
}

// bitDigits reads binary digits into big-endian bytes, padded on the left.
// The bits are packed as they come (8 to a byte, within MaxField) and
// shifted into place at the end.
func (r *Reader) bitDigits(close byte) string {
	start := len(r.arena)
	var acc byte
	n := 0
	for {
		if r.pos >= r.end && !r.fill() {
			break
		}
		c := r.buf[r.pos]
		if c != '0' && c != '1' {
			break
		}
		r.pos++
		acc = acc<<1 | (c - '0')
		n++
		if n%8 == 0 {
			if r.room(start, 1) {
				r.arena = append(r.arena, acc)
			}
			acc = 0
		}
	}
	if close != 0 {
		if !r.ensure(1) || r.buf[r.pos] != close {
			return "bad bit literal"
		}
		r.pos++
	}
	if rem := uint(n % 8); rem != 0 && r.room(start, 1) {
		// Shift the whole bit string right by pad bits: MySQL pads on the
		// left.
		pad := 8 - rem
		b := r.arena[start:]
		var carry byte
		for k, v := range b {
			b[k] = carry<<rem | v>>pad
			carry = v & (1<<pad - 1)
		}
		r.arena = append(r.arena, carry<<rem|acc)
	}
	return ""
}

// number reads a numeric literal's text.
func (r *Reader) number() {
	start := len(r.arena)
	for {
		if r.pos >= r.end && !r.fill() {
			return
		}
		c := r.buf[r.pos]
		isNum := (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'
		if !isNum {
			return
		}
		if (c == '-' || c == '+') && len(r.arena) > start {
			p := r.arena[len(r.arena)-1]
			if p != 'e' && p != 'E' {
				return
			}
		}
		if r.room(start, 1) {
			r.arena = append(r.arena, c)
		}
		r.pos++
	}
}
