package sqldump

import (
	"bytes"
	"strings"
)

// Table describes a table from its CREATE TABLE statement, or from its
// first INSERT when the dump has none.
type Table struct {
	Database string   // from USE or a qualified name; "" if unknown
	Name     string   // as in the dump, unquoted
	Columns  []Column // in CREATE TABLE order
	Charset  string   // table default character set, "" if not given
	TimeZone string   // session time zone in force at CREATE TABLE ("" = not set)
	// Rows counts the rows read so far (including rows reported as RowErrors).
	Rows int64
	// Declared reports whether a CREATE TABLE was seen.
	Declared bool
}

// QualifiedName returns "db.name", or "name" when the database is unknown.
func (t *Table) QualifiedName() string {
	if t.Database == "" {
		return t.Name
	}
	return t.Database + "." + t.Name
}

// Column is one column of a Table.
type Column struct {
	Name string
	// Type is the declared type in lower case with its arguments, e.g.
	// "varchar(255)", "decimal(16,8)", "timestamp", "int(10) unsigned".
	Type string
	// Charset is the column's character set if declared, else the table's.
	Charset string
	// Binary reports a byte-string type (binary, varbinary, *blob, bit) or the
	// binary character set: its values are bytes, not text.
	Binary bool
	// Nullable is false for NOT NULL columns.
	Nullable bool
}

// BaseType returns the type without arguments or attributes ("varchar").
func (c Column) BaseType() string {
	t := c.Type
	if i := strings.IndexAny(t, "( "); i >= 0 {
		t = t[:i]
	}
	return t
}

// interpret acts on a gathered statement: CREATE TABLE, USE, SET NAMES and
// SET TIME_ZONE; everything else is ignored.
func (r *Reader) interpret() (Event, error) {
	toks := tokenize(r.stmt, 4096)
	if len(toks) == 0 {
		return 0, nil
	}
	kw := func(i int) string {
		if i < len(toks) && toks[i].kind == tokWord {
			return strings.ToUpper(toks[i].text)
		}
		return ""
	}
	for i := 0; i < len(toks); i++ {
		// Conditional comments can leave several statements' worth of text;
		// act on the first recognised keyword sequence.
		switch kw(i) {
		case "USE":
			if i+1 < len(toks) && toks[i+1].isIdent() {
				r.database = toks[i+1].text
			}
			return 0, nil
		case "SET":
			r.interpretSet(toks[i+1:])
			return 0, nil
		case "CREATE":
			j := i + 1
			for kw(j) == "OR" || kw(j) == "REPLACE" || kw(j) == "TEMPORARY" {
				j++
			}
			if kw(j) != "TABLE" {
				return 0, nil
			}
			t := r.parseCreate(toks[j+1:])
			if t == nil {
				return 0, &RowError{Offset: r.rowOff, Reason: "unreadable CREATE TABLE", Raw: capRaw(r.stmt)}
			}
			r.cur = t
			return EventTable, nil
		default:
			return 0, nil
		}
	}
	return 0, nil
}

// actsOn returns the kind of statement interpret acts on that the gathered
// statement s starts with ("CREATE TABLE", "USE" or "SET"), or "". It looks
// only at bare words and allocates nothing, so that it can classify the
// prefix of a statement too long to interpret.
func actsOn(s []byte) string {
	w, i := nextWord(s, 0)
	switch {
	case bytes.EqualFold(w, []byte("USE")):
		return "USE"
	case bytes.EqualFold(w, []byte("SET")):
		return "SET"
	case bytes.EqualFold(w, []byte("CREATE")):
		for {
			w, i = nextWord(s, i)
			if !bytes.EqualFold(w, []byte("OR")) && !bytes.EqualFold(w, []byte("REPLACE")) && !bytes.EqualFold(w, []byte("TEMPORARY")) {
				break
			}
		}
		if bytes.EqualFold(w, []byte("TABLE")) {
			return "CREATE TABLE"
		}
	}
	return ""
}

// nextWord returns the bare word (identifier bytes) after the white space at
// s[i:], empty if there is none, and the index after it.
func nextWord(s []byte, i int) ([]byte, int) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	j := i
	for j < len(s) && isIdentByte(s[j]) {
		j++
	}
	return s[i:j], j
}

func (r *Reader) interpretSet(toks []token) {
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != tokWord {
			continue
		}
		switch strings.ToUpper(toks[i].text) {
		case "NAMES":
			if i+1 < len(toks) && (toks[i+1].kind == tokWord || toks[i+1].kind == tokString) {
				r.charset = normCharset(toks[i+1].text)
			}
			return
		case "TIME_ZONE":
			j := i + 1
			if j < len(toks) && toks[j].text == "=" {
				j++
			}
			if j < len(toks) && toks[j].kind == tokString {
				r.timeZone = toks[j].text
			}
			return
		}
	}
}

func normCharset(s string) string {
	s = strings.ToLower(s)
	if s == "utf8" || s == "utf8mb3" {
		return "utf8mb3"
	}
	return s
}

// parseCreate parses "[IF NOT EXISTS] name ( defs ) options".
func (r *Reader) parseCreate(toks []token) *Table {
	i := 0
	up := func(i int) string {
		if i < len(toks) && toks[i].kind == tokWord {
			return strings.ToUpper(toks[i].text)
		}
		return ""
	}
	if up(0) == "IF" {
		i = 3
	}
	if i >= len(toks) || !toks[i].isIdent() {
		return nil
	}
	db, name := r.database, toks[i].text
	i++
	if i+1 < len(toks) && toks[i].text == "." && toks[i+1].isIdent() {
		db, name = name, toks[i+1].text
		i += 2
	}
	if i >= len(toks) || toks[i].text != "(" {
		return nil // CREATE TABLE ... LIKE / AS SELECT
	}
	// Split the definitions at top-level commas.
	depth := 0
	start := i + 1
	var defs [][]token
	j := i
	for ; j < len(toks); j++ {
		switch toks[j].text {
		case "(":
			if toks[j].kind == tokPunct {
				depth++
			}
		case ")":
			if toks[j].kind == tokPunct {
				depth--
				if depth == 0 {
					defs = append(defs, toks[start:j])
					goto options
				}
			}
		case ",":
			if toks[j].kind == tokPunct && depth == 1 {
				defs = append(defs, toks[start:j])
				start = j + 1
			}
		}
	}
	return nil
options:
	t := &Table{Database: db, Name: name, TimeZone: r.timeZone, Declared: true}
	for k := j + 1; k < len(toks); k++ {
		u := up(k)
		if u == "CHARSET" || (u == "SET" && k > 0 && up(k-1) == "CHARACTER") {
			n := k + 1
			if n < len(toks) && toks[n].text == "=" {
				n++
			}
			if n < len(toks) {
				t.Charset = normCharset(toks[n].text)
			}
		}
	}
	for _, d := range defs {
		if len(d) == 0 {
			continue
		}
		if d[0].kind == tokWord {
			switch strings.ToUpper(d[0].text) {
			case "PRIMARY", "KEY", "UNIQUE", "INDEX", "CONSTRAINT", "FOREIGN", "FULLTEXT", "SPATIAL", "CHECK", "PERIOD", "SYSTEM":
				continue
			}
		}
		if !d[0].isIdent() {
			continue
		}
		c := Column{Name: d[0].text, Nullable: true, Charset: t.Charset}
		var typ strings.Builder
		k := 1
		if k < len(d) && d[k].kind == tokWord {
			typ.WriteString(strings.ToLower(d[k].text))
			k++
			if k < len(d) && d[k].text == "(" {
				depth := 0
				for ; k < len(d); k++ {
					typ.WriteString(d[k].sqlText())
					if d[k].text == "(" && d[k].kind == tokPunct {
						depth++
					}
					if d[k].text == ")" && d[k].kind == tokPunct {
						depth--
						if depth == 0 {
							k++
							break
						}
					}
					if d[k].text == "," {
						continue
					}
				}
			}
			for k < len(d) && d[k].kind == tokWord {
				u := strings.ToLower(d[k].text)
				if u != "unsigned" && u != "zerofill" && u != "signed" {
					break
				}
				typ.WriteString(" " + u)
				k++
			}
		}
		c.Type = typ.String()
		for ; k < len(d); k++ {
			u := strings.ToUpper(d[k].text)
			if d[k].kind != tokWord {
				continue
			}
			switch u {
			case "CHARSET":
				if k+1 < len(d) {
					c.Charset = normCharset(d[k+1].text)
				}
			case "CHARACTER":
				if k+2 < len(d) && strings.EqualFold(d[k+1].text, "SET") {
					c.Charset = normCharset(d[k+2].text)
				}
			case "NOT":
				if k+1 < len(d) && strings.EqualFold(d[k+1].text, "NULL") {
					c.Nullable = false
				}
			case "DEFAULT", "COMMENT":
				k++ // skip the value, which may be a keyword
			}
		}
		switch c.BaseType() {
		case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "bit", "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon", "geometrycollection":
			c.Binary = true
		case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "json":
		default:
			c.Charset = "" // not a string type
		}
		if c.Charset == "binary" {
			c.Binary = true
		}
		t.Columns = append(t.Columns, c)
	}
	if len(t.Columns) == 0 {
		return nil
	}
	return r.register(t)
}

// register records t, replacing an earlier table of the same name (a dump
// may DROP and re-CREATE a table); row numbering continues. It returns the
// table the rows will name: the earlier one, with t's columns, or t.
func (r *Reader) register(t *Table) *Table {
	key := t.QualifiedName()
	if old, ok := r.tables[key]; ok {
		t.Rows = old.Rows
		*old = *t
		return old
	}
	r.tables[key] = t
	r.order = append(r.order, t)
	return t
}

// lookup returns the table db.name, creating an undeclared one if needed.
func (r *Reader) lookup(db, name string) *Table {
	key := name
	if db != "" {
		key = db + "." + name
	}
	if t, ok := r.tables[key]; ok {
		return t
	}
	t := &Table{Database: db, Name: name, TimeZone: r.timeZone}
	r.tables[key] = t
	r.order = append(r.order, t)
	return t
}

type tokKind uint8

const (
	tokWord   tokKind = iota + 1 // bare word or number
	tokQuoted                    // `identifier`
	tokString                    // 'string' or "string"
	tokPunct
)

type token struct {
	kind tokKind
	text string
}

func (t token) isIdent() bool { return t.kind == tokWord || t.kind == tokQuoted }

func (t token) sqlText() string {
	switch t.kind {
	case tokString:
		return "'" + strings.ReplaceAll(t.text, "'", "''") + "'"
	case tokQuoted:
		return "`" + strings.ReplaceAll(t.text, "`", "``") + "`"
	}
	return t.text
}

// tokenize splits a gathered statement into at most max tokens.
func tokenize(s []byte, max int) []token {
	var toks []token
	i := 0
	for i < len(s) && len(toks) < max {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			i++
		case c == '`':
			var b strings.Builder
			i++
			for i < len(s) {
				if s[i] == '`' {
					if i+1 < len(s) && s[i+1] == '`' {
						b.WriteByte('`')
						i += 2
						continue
					}
					i++
					break
				}
				b.WriteByte(s[i])
				i++
			}
			toks = append(toks, token{tokQuoted, b.String()})
		case c == '\'' || c == '"':
			var b []byte
			i++
			for i < len(s) {
				d := s[i]
				if d == '\\' && i+1 < len(s) {
					b = appendEscape(b, s[i+1])
					i += 2
					continue
				}
				if d == c {
					if i+1 < len(s) && s[i+1] == c {
						b = append(b, c)
						i += 2
						continue
					}
					i++
					break
				}
				b = append(b, d)
				i++
			}
			toks = append(toks, token{tokString, string(b)})
		case isIdentByte(c) || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i
			for j < len(s) && (isIdentByte(s[j]) || (s[j] == '.' && j > i && s[i] >= '0' && s[i] <= '9')) {
				j++
			}
			toks = append(toks, token{tokWord, string(s[i:j])})
			i = j
		default:
			toks = append(toks, token{tokPunct, string(c)})
			i++
		}
	}
	return toks
}

// appendEscape appends the byte that backslash-escape c stands for in a
// MySQL string literal. \% and \_ keep their backslash, as MySQL does.
func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '0':
		return append(b, 0)
	case 'b':
		return append(b, '\b')
	case 'n':
		return append(b, '\n')
	case 'r':
		return append(b, '\r')
	case 't':
		return append(b, '\t')
	case 'Z':
		return append(b, 0x1a)
	case '%', '_':
		return append(b, '\\', c)
	}
	return append(b, c)
}
