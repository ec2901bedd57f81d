package seized

import (
	"database/sql/driver"
	"fmt"
	"slices"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
)

// Raw storage: the src_* tables are views over typed stores.
//
// Most of a seized database is integers and datetimes written as text
// (ids, user ids, durations, timestamps), and DuckDB spends most of a load
// analysing and compressing those strings: storing 60 M login ids as
// VARCHAR took 15.7 s against 1.1 s as BIGINT on the reference machine. So
// the rows of each src_* table are kept in a store table, seized_rows_*,
// with one column per source column, named c<ordinal>:
//
//   - text (VARCHAR) and blob (BLOB) columns hold the value as read;
//   - a column declared as an integer is stored as BIGINT where its text is
//     the canonical decimal form of an int64 (canonInt), a datetime or
//     timestamp column as TIMESTAMP where its text is a canonical
//     'YYYY-MM-DD HH:MM:SS' of the years 1000–9999 (canonDateTime); any
//     other text of such a column goes to its exception column t<ordinal>
//     (VARCHAR, NULL otherwise), so that nothing is lost;
//   - _ev, the evidence's number in the store (seized_src_stores), instead
//     of the 64-character evidence id on every row; _row and _offset.
//
// The view src_<table> gives back every value as text, byte for byte:
// coalesce(t<i>, CAST(c<i> AS VARCHAR)) (DuckDB prints a BIGINT in its
// canonical decimal form and a whole-second TIMESTAMP as 'YYYY-MM-DD
// HH:MM:SS'), and _evidence from _ev. Projections (project.go) read the
// typed columns directly. Tables loaded before migration 140 stay plain
// tables (storage NULL in seized_src_columns) and are read as before.

// storage is how one raw column is kept.
type storage uint8

const (
	storeText storage = iota
	storeBlob
	storeBigint
	storeTimestamp
)

var storageNames = [...]string{"text", "blob", "bigint", "timestamp"}

func (s storage) String() string { return storageNames[s] }

// typed reports whether the column has an exception column beside it.
func (s storage) typed() bool { return s == storeBigint || s == storeTimestamp }

// parseStorage reads a storage name from seized_src_columns.
func parseStorage(name string) (storage, bool) {
	for i, n := range storageNames {
		if n == name {
			return storage(i), true
		}
	}
	return 0, false
}

// storageOf returns how column c is stored: by its declared type (MySQL
// spelling, as sqldump reports it: "int(11)", "bigint(20) unsigned",
// "datetime"); columns without a declared type are text.
func storageOf(c Column) storage {
	if c.Binary {
		return storeBlob
	}
	t := strings.ToLower(strings.TrimSpace(c.Type))
	base, rest := t, ""
	if i := strings.IndexAny(t, "( "); i >= 0 {
		base, rest = t[:i], t[i:]
	}
	switch base {
	case "tinyint", "smallint", "mediumint", "int", "integer", "bigint":
		if strings.Contains(rest, "zerofill") {
			return storeText // its text has leading zeros
		}
		return storeBigint
	case "datetime", "timestamp":
		// datetime(6) and the like carry fractions: their text is kept.
		if rest == "" || strings.HasPrefix(rest, "(0)") || strings.HasPrefix(rest, " ") {
			return storeTimestamp
		}
	}
	return storeText
}

// canonInt returns the value of b if b is the canonical decimal form of an
// int64: an optional '-', then digits without leading zeros ("0" alone),
// not "-0"; exactly what strconv.FormatInt and DuckDB's CAST(BIGINT AS
// VARCHAR) print.
func canonInt(b []byte) (int64, bool) {
	n := len(b)
	if n == 0 || n > 20 {
		return 0, false
	}
	neg := b[0] == '-'
	d := b
	if neg {
		d = b[1:]
	}
	if len(d) == 0 || len(d) > 19 || (d[0] == '0' && (len(d) > 1 || neg)) {
		return 0, false
	}
	var u uint64
	for _, c := range d {
		if c < '0' || c > '9' {
			return 0, false
		}
		u = u*10 + uint64(c-'0') // 19 digits fit in a uint64
	}
	if neg {
		if u > 1<<63 {
			return 0, false
		}
		return -int64(u), true
	}
	if u > 1<<63-1 {
		return 0, false
	}
	return int64(u), true
}

// canonDateTime returns the microseconds since the epoch of b if b is
// 'YYYY-MM-DD HH:MM:SS', a valid date of the years 1000–9999 and a time of
// day with seconds below 60; exactly what DuckDB's CAST(TIMESTAMP AS
// VARCHAR) prints for such a whole-second timestamp.
func canonDateTime(b []byte) (int64, bool) {
	if len(b) != 19 || b[4] != '-' || b[7] != '-' || b[10] != ' ' || b[13] != ':' || b[16] != ':' {
		return 0, false
	}
	num := func(i, n int) (int, bool) {
		v := 0
		for _, c := range b[i : i+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 2)
	d, ok3 := num(8, 2)
	h, ok4 := num(11, 2)
	mi, ok5 := num(14, 2)
	s, ok6 := num(17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || s > 59 {
		return 0, false
	}
	days := daysFromCivil(y, mo, d)
	return ((days*24+int64(h))*60+int64(mi))*60_000_000 + int64(s)*1_000_000, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil returns the days since 1970-01-01 of a proleptic Gregorian
// date (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// rawLayout describes one src_* table: a view over a store, or (store "")
// a plain table of text from before migration 140.
type rawLayout struct {
	view  string    // src_* (the name users query)
	store string    // seized_rows_*; "" for a plain table
	cols  []string  // column names, in order
	kinds []storage // per column; all text/blob for a plain table
}

// storeName returns the store of src table name ("src_x" → "seized_rows_x").
func storeName(src string) string {
	return "seized_rows_" + strings.TrimPrefix(src, "src_")
}

// layoutOf returns the layout the load gives a new src table for t.
func layoutOf(name string, t *Table) rawLayout {
	l := rawLayout{view: name, store: storeName(name)}
	for _, c := range t.Columns {
		l.cols = append(l.cols, c.Name)
		l.kinds = append(l.kinds, storageOf(c))
	}
	return l
}

// col returns the index of column name, -1 if there is none.
func (l rawLayout) col(name string) int {
	for i, c := range l.cols {
		if c == name {
			return i
		}
	}
	return -1
}

// storeCol is the store's column of source column i; storeExc its
// exception column.
func storeCol(i int) string { return fmt.Sprintf("c%d", i+1) }
func storeExc(i int) string { return fmt.Sprintf("t%d", i+1) }

// textExpr is the SQL text of column i, as the source had it.
func (l rawLayout) textExpr(i int) string {
	if l.store == "" || !l.kinds[i].typed() {
		if l.store == "" {
			return quoteIdent(l.cols[i])
		}
		return storeCol(i)
	}
	return fmt.Sprintf("coalesce(%s, CAST(%s AS VARCHAR))", storeExc(i), storeCol(i))
}

// timestampExpr is column i read as a TIMESTAMP: the typed value where it
// is stored typed, TRY_CAST of the (non-empty) text otherwise.
func (l rawLayout) timestampExpr(i int) string {
	if l.store != "" && l.kinds[i] == storeTimestamp {
		return fmt.Sprintf("coalesce(%s, TRY_CAST(NULLIF(%s, '') AS TIMESTAMP))", storeCol(i), storeExc(i))
	}
	// TRY_CAST: the filters of a view may be applied after its
	// expressions, and other evidence's rows in the table are not checked.
	return "TRY_CAST(NULLIF(" + l.textExpr(i) + ", '') AS TIMESTAMP)"
}

// bigintExpr is column i read as a BIGINT: the typed value where it is
// stored typed (NULL for text that is not a canonical integer), TRY_CAST
// of the (non-empty) text otherwise.
func (l rawLayout) bigintExpr(i int) string {
	if l.store != "" && l.kinds[i] == storeBigint {
		return storeCol(i)
	}
	return "TRY_CAST(NULLIF(" + l.textExpr(i) + ", '') AS BIGINT)"
}

// from returns the table to read the rows of the evidence numbered evNo
// (a store) or with id ev (a plain table) from, and the condition.
func (l rawLayout) from(ev string, evNo int) (table, where string) {
	if l.store == "" {
		return quoteIdent(l.view), "_evidence = " + quoteString(ev)
	}
	return quoteIdent(l.store), fmt.Sprintf("_ev = %d", evNo)
}

// storeColumn is one value column of a store.
type storeColumn struct {
	name  string
	sql   string // DuckDB type
	arrow arrow.DataType
}

// columnOf is the store column of each storage.
var columnOf = [...]storeColumn{
	storeText:      {sql: "VARCHAR", arrow: arrow.BinaryTypes.String},
	storeBlob:      {sql: "BLOB", arrow: arrow.BinaryTypes.Binary},
	storeBigint:    {sql: "BIGINT", arrow: arrow.PrimitiveTypes.Int64},
	storeTimestamp: {sql: "TIMESTAMP", arrow: &arrow.TimestampType{Unit: arrow.Microsecond}},
}

// storeColumns lists the store's value columns in the order the raw
// batches have them: c<n> for each source column, and t<n> (text) after
// each typed one. The provenance columns (_ev, _row, _offset) follow.
func (l rawLayout) storeColumns() []storeColumn {
	out := make([]storeColumn, 0, 2*len(l.kinds))
	for i, k := range l.kinds {
		c := columnOf[k]
		c.name = storeCol(i)
		out = append(out, c)
		if k.typed() {
			e := columnOf[storeText]
			e.name = storeExc(i)
			out = append(out, e)
		}
	}
	return out
}

// createSQL returns the statement that creates the store.
func (l rawLayout) createSQL() string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TABLE %s (", quoteIdent(l.store))
	for _, c := range l.storeColumns() {
		fmt.Fprintf(&b, "%s %s, ", c.name, c.sql)
	}
	b.WriteString("_ev INTEGER NOT NULL, _row BIGINT NOT NULL, _offset BIGINT NOT NULL)")
	return b.String()
}

// insertSQL returns the column list of an insert into the store from a
// raw batch, and the select list that reads the batch with the evidence
// number as the statement's one parameter.
func (l rawLayout) insertSQL() (columns, selects string) {
	var b strings.Builder
	for _, c := range l.storeColumns() {
		b.WriteString(c.name + ", ")
	}
	return b.String() + "_ev, _row, _offset", b.String() + "?, _row, _offset"
}

// viewSQL returns the statement that (re)creates the view over the store
// for the evidence ids by number.
func (l rawLayout) viewSQL(evidence map[int]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE OR REPLACE VIEW %s AS SELECT ", quoteIdent(l.view))
	for i, c := range l.cols {
		fmt.Fprintf(&b, "%s AS %s, ", l.textExpr(i), quoteIdent(c))
	}
	b.WriteString("CASE _ev")
	nos := make([]int, 0, len(evidence))
	for n := range evidence {
		nos = append(nos, n)
	}
	slices.Sort(nos)
	for _, n := range nos {
		fmt.Fprintf(&b, " WHEN %d THEN %s", n, quoteString(evidence[n]))
	}
	fmt.Fprintf(&b, " END AS _evidence, _row, _offset FROM %s", quoteIdent(l.store))
	return b.String()
}

// queryFunc runs a query and returns its (small) result.
type queryFunc func(q string, args ...any) ([][]driver.Value, error)

// readLayout returns the layout of src table name as the case has it;
// ok is false when there is no such table or view. A table the registry
// does not describe (made by hand, or by another tool) is a plain table
// of text with its columns as information_schema lists them.
func readLayout(query queryFunc, name string) (l rawLayout, ok bool, err error) {
	rows, err := query(`SELECT c.name, c.storage, s.store_table FROM seized_src_columns c
		LEFT JOIN (SELECT DISTINCT src_table, store_table FROM seized_src_stores) s USING (src_table)
		WHERE c.src_table = ? ORDER BY c.ordinal`, name)
	if err != nil {
		return l, false, err
	}
	l.view = name
	for _, r := range rows {
		col, _ := r[0].(string)
		kind, _ := r[1].(string)
		store, _ := r[2].(string)
		k, typed := parseStorage(kind)
		if !typed || store == "" {
			l.store, l.kinds = "", nil
			break
		}
		l.store = store
		l.cols = append(l.cols, col)
		l.kinds = append(l.kinds, k)
	}
	if l.store != "" {
		return l, true, nil
	}
	// A plain table: its columns but the three of provenance.
	rows, err = query(`SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`, name)
	if err != nil {
		return l, false, err
	}
	if len(rows) == 0 {
		return l, false, nil
	}
	l.cols = l.cols[:0]
	for _, r := range rows {
		s, _ := r[0].(string)
		l.cols = append(l.cols, s)
		l.kinds = append(l.kinds, storeText)
	}
	if n := len(l.cols); n >= 3 && l.cols[n-3] == "_evidence" && l.cols[n-2] == "_row" && l.cols[n-1] == "_offset" {
		l.cols, l.kinds = l.cols[:n-3], l.kinds[:n-3]
	}
	return l, true, nil
}

// evidenceNumbers returns the evidence ids of a store by number.
func evidenceNumbers(query queryFunc, src string) (map[int]string, error) {
	rows, err := query(`SELECT evidence_no, evidence_id FROM seized_src_stores WHERE src_table = ?`, src)
	if err != nil {
		return nil, err
	}
	m := map[int]string{}
	for _, r := range rows {
		n, _ := r[0].(int32)
		id, _ := r[1].(string)
		m[int(n)] = id
	}
	return m, nil
}

// numberOf returns the number of evidence id in evs, 0 if it has none.
func numberOf(evs map[int]string, id string) int {
	for n, e := range evs {
		if e == id {
			return n
		}
	}
	return 0
}

// same reports whether two layouts store the same columns the same way.
func (l rawLayout) same(o rawLayout) bool {
	return l.store != "" && o.store != "" && slices.Equal(l.cols, o.cols) && slices.Equal(l.kinds, o.kinds)
}
