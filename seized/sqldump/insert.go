package sqldump

import (
	"bytes"
	"fmt"
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
		if len(r.stmt) > 64<<10 {
			r.resync()
			return 0, &RowError{Offset: start, Reason: "INSERT header too long", Raw: capRaw(r.stmt), Skipped: true}
		}
		if c == '`' || c == '"' || c == '\'' {
			// Quoted identifier; copy verbatim with the quotes.
			r.stmt = append(r.stmt, c)
			r.pos++
			for {
				if r.pos >= r.end && !r.fill() {
					break
				}
				d := r.buf[r.pos]
				r.pos++
				r.stmt = append(r.stmt, d)
				if d == c {
					if r.ensure(1) && r.buf[r.pos] == c {
						r.stmt = append(r.stmt, c)
						r.pos++
						continue
					}
					break
				}
			}
			continue
		}
		r.stmt = append(r.stmt, c)
		r.pos++
		if !isIdentByte(c) {
			r.stmt = append(r.stmt, ' ')
		} else if r.pos < r.end && !isIdentByte(r.buf[r.pos]) {
			r.stmt = append(r.stmt, ' ')
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

// resync skips to just after the next delimiter that ends a line, and leaves
// row mode.
func (r *Reader) resync() {
	r.inInsert = false
	for {
		if r.pos >= r.end && !r.fill() {
			return
		}
		i := bytes.IndexByte(r.buf[r.pos:r.end], '\n')
		if i < 0 {
			r.pos = r.end
			continue
		}
		r.pos += i
		// Is the newline preceded by the delimiter?
		line := r.buf[:r.pos]
		r.pos++
		if bytes.HasSuffix(bytes.TrimRight(line, "\r"), r.delim) {
			return
		}
	}
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
			r.arena = append(r.arena, w...)
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
// without storing).
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
	return true
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
	var digits []byte
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
	_ = digits
	if half {
		// Odd number of digits: MySQL pads on the left. Shift the nibbles.
		if r.tooBig == "" {
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
func (r *Reader) bitDigits(close byte) string {
	start := len(r.arena)
	var bits []byte
	for {
		if r.pos >= r.end && !r.fill() {
			break
		}
		c := r.buf[r.pos]
		if c != '0' && c != '1' {
			break
		}
		r.pos++
		if len(bits) < 8*r.opts.MaxField {
			bits = append(bits, c-'0')
		} else {
			r.room(start, r.opts.MaxField+1)
		}
	}
	if close != 0 {
		if !r.ensure(1) || r.buf[r.pos] != close {
			return "bad bit literal"
		}
		r.pos++
	}
	nb := (len(bits) + 7) / 8
	if !r.room(start, nb) {
		return ""
	}
	pad := nb*8 - len(bits)
	var acc byte
	for k := 0; k < nb*8; k++ {
		var bit byte
		if k >= pad {
			bit = bits[k-pad]
		}
		acc = acc<<1 | bit
		if k%8 == 7 {
			r.arena = append(r.arena, acc)
			acc = 0
		}
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
