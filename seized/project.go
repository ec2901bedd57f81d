package seized

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/coinsift/coinsift/seized/detect"
)

// Projections: canonical logins and calls without a second copy.
//
// A mapping whose logins are a plain projection of the source row (a
// Projector) lets the load skip mapping and writing them: while the mapper
// says of each row that its record would be what the SQL projection of the
// raw row gives (Projector.Projects), the producer does not map it. The
// promise is checked by the mapper's tests and fuzz target, and by the
// load itself with LoadOptions.VerifyProjection. At the end
// the rows it skipped are either covered by a projection in the view
// logins (when they are all of the evidence's rows in the src table) or
// derived from the raw rows in one INSERT … SELECT into logins_rows (when
// some later row disagreed: rows from then on were written as records).
// Either way the canonical rows are exactly the ones the records would
// have been; count checks in SQL confirm that the rows chosen by offset are
// the rows the producer skipped.

// viewTargets are the canonical tables that are views over their stored
// rows and projections, by Records index.
var viewTargets = map[string]int{"logins": 3, "calls": 4}

// derivedCols names, by Records index, the canonical column of a view
// target whose projection is derived in Go (Deriver) and kept per distinct
// source text in seized_projection_values; -1: none.
var derivedCols = [5]int{-1, -1, -1, -1, 3} // calls.destination_e164

// maxProjValues caps the distinct derived values kept for one projection;
// a row that would need more ends the projection (its rows and every later
// one are written as records).
const maxProjValues = 1 << 20

// canonStore names the table that stores each canonical table's records.
var canonStore = [5]string{"accounts", "identifiers", "payments", "logins_rows", "calls_rows"}

// maxProjExcluded caps the offsets of rows set apart inside a projected
// range; rows come in offset order, so there are none unless a reader
// breaks that order.
const maxProjExcluded = 1 << 16

// projState is the projection of one source table during a load. The
// producer owns it; the loader reads it after the producer has stopped.
type projState struct {
	p      Projector
	table  *Table
	ti     int   // Records index of the target
	cols   []int // source column per canonical column, -1: NULL
	active bool  // rows are still being projected
	rows   int64 // rows projected
	lo, hi int64 // offsets of the first and last row projected
	excl   []int64
	err    error
	// d derives column dcol (-1: none) from its source text; values keeps
	// the derived values that are not the text itself, by text.
	d      Deriver
	dcol   int
	values map[string]any
	units  []string // epoch unit per canonical column, nil: none (UnitProjector)
}

// newProjState returns the projection state of t for mapper m, nil when m
// offers no usable projection.
func newProjState(t *Table, m RowMapper) *projState {
	p, ok := m.(Projector)
	if !ok {
		return nil
	}
	target, cols, ok := p.Projection()
	if !ok {
		return nil
	}
	ti, ok := viewTargets[target]
	if !ok || len(cols) != len(canonColumns[ti]) {
		return nil
	}
	ps := &projState{p: p, table: t, ti: ti, cols: cols, active: true, dcol: -1}
	if up, ok := m.(UnitProjector); ok {
		ps.units = up.ProjectionUnits()
		if ps.units != nil && len(ps.units) != len(cols) {
			return nil
		}
		for i, u := range ps.units {
			if u == "" {
				continue
			}
			if _, ok := epochScale[u]; !ok || canonColumns[ti][i].Type.ID() != arrow.TIMESTAMP {
				return nil
			}
		}
	}
	for i, c := range cols {
		if c < 0 {
			continue
		}
		if c >= len(t.Columns) || t.Columns[c].Binary {
			return nil
		}
		switch canonColumns[ti][i].Type.ID() {
		case arrow.STRING, arrow.TIMESTAMP, arrow.INT64:
		default:
			return nil
		}
		if i == derivedCols[ti] {
			// A derived column needs the mapper's derivation.
			d, ok := m.(Deriver)
			if !ok {
				return nil
			}
			if dc, ok := d.Derived(); !ok || dc != i {
				return nil
			}
			ps.d, ps.dcol, ps.values = d, i, map[string]any{}
		}
	}
	return ps
}

// projects decides for one row at byte offset off: it is projected while
// the table is projected, offsets rise and the mapper's Projects agrees.
// Otherwise the projection of the table ends here.
func (ps *projState) projects(row []Value, off int64) bool {
	if ps.active && (ps.rows == 0 || off > ps.hi) && ps.p.Projects(row) && ps.derive(row) {
		if ps.rows == 0 {
			ps.lo = off
		}
		ps.hi, ps.rows = off, ps.rows+1
		return true
	}
	ps.skip(off)
	return false
}

// derive keeps the derived value of row, if any; false when it cannot
// (too many distinct values, or a value that is not text).
func (ps *projState) derive(row []Value) bool {
	if ps.d == nil {
		return true
	}
	c := ps.cols[ps.dcol]
	if c >= len(row) {
		return false
	}
	v := row[c]
	if v.Null || len(v.Data) == 0 {
		return true
	}
	if _, ok := ps.values[string(v.Data)]; ok {
		return true
	}
	out, same := ps.d.Derive(v.Data)
	if same {
		return true
	}
	switch out.(type) {
	case nil, string:
	default:
		return false
	}
	if len(ps.values) >= maxProjValues {
		return false
	}
	ps.values[string(v.Data)] = out
	return true
}

// skip records that the row at offset off is not projected.
func (ps *projState) skip(off int64) {
	ps.active = false
	if ps.rows > 0 && off >= ps.lo && off <= ps.hi {
		if len(ps.excl) >= maxProjExcluded {
			ps.err = fmt.Errorf("table %s: %d rows out of offset order", ps.table.Name, len(ps.excl))
			return
		}
		ps.excl = append(ps.excl, off)
	}
}

// MatchesProjection reports whether record rec of canonical table target
// is what the SQL projection of row by cols gives (see Projector): a NULL
// or empty value is NULL; text is the value as it is; a TIMESTAMP is the
// value in the form 'YYYY-MM-DD HH:MM:SS' (SQLTimestamp) at the same
// microsecond. It defines what Projector.Projects promises.
func MatchesProjection(target string, cols []int, row []Value, rec []any) bool {
	ti, ok := viewTargets[target]
	if !ok || len(cols) != len(canonColumns[ti]) {
		return false
	}
	return (&projState{ti: ti, cols: cols}).matches(row, rec)
}

// MatchesDerivedProjection is MatchesProjection for a projection with a
// derived column (Deriver): that column must be d's value of its source
// text (the text itself when d says same, NULL for a NULL or empty text).
func MatchesDerivedProjection(target string, cols []int, d Deriver, row []Value, rec []any) bool {
	ti, ok := viewTargets[target]
	if !ok || len(cols) != len(canonColumns[ti]) {
		return false
	}
	dcol, ok := d.Derived()
	if !ok || dcol != derivedCols[ti] {
		return false
	}
	return (&projState{ti: ti, cols: cols, d: d, dcol: dcol}).matches(row, rec)
}

// matches reports whether record rec is what the SQL projection of row
// gives (projExpr).
func (ps *projState) matches(row []Value, rec []any) bool {
	if len(rec) != len(ps.cols) {
		return false
	}
	for i, c := range ps.cols {
		v := rec[i]
		if c < 0 {
			if v != nil {
				return false
			}
			continue
		}
		if c >= len(row) {
			return false
		}
		raw := row[c]
		if raw.Null || len(raw.Data) == 0 {
			if v != nil {
				return false
			}
			continue
		}
		if i == ps.dcol && ps.d != nil {
			want, same := ps.d.Derive(raw.Data)
			if same {
				want = string(raw.Data)
			}
			if v != want {
				return false
			}
			continue
		}
		switch canonColumns[ps.ti][i].Type.ID() {
		case arrow.STRING:
			if s, ok := v.(string); !ok || s != string(raw.Data) {
				return false
			}
		case arrow.INT64:
			n, ok := v.(int64)
			if !ok {
				return false
			}
			if want, ok := SQLBigint(raw.Data); !ok || want != n {
				return false
			}
		case arrow.TIMESTAMP:
			t, ok := v.(time.Time)
			if !ok {
				return false
			}
			us, ok := SQLTimestamp(raw.Data)
			if ps.units != nil && ps.units[i] != "" {
				us, ok = EpochMicros(raw.Data, ps.units[i])
			}
			if !ok || us != t.UnixMicro() {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// SQLTimestamp reads 'YYYY-MM-DD HH:MM:SS' (a valid date and time, year 1
// or later) into microseconds since the epoch, as DuckDB casts it to
// TIMESTAMP and as the mapping reads it (detect.ParseSQLDateTime); ok is
// false for any other text, so that nothing relies on how DuckDB reads an
// unusual one.
func SQLTimestamp(b []byte) (int64, bool) {
	t, ok := detect.ParseSQLDateTime(string(b))
	if !ok || t.Year() < 1 {
		return 0, false
	}
	return t.UnixMicro(), true
}

// epochScale is the microseconds of one unit of each epoch unit.
var epochScale = map[string]int64{"epoch_s": 1_000_000, "epoch_ms": 1_000, "epoch_us": 1}

// epochMaxMicros bounds the epoch times a projection reads: years 1 to
// 9999, where Go and DuckDB agree and nothing overflows.
const (
	epochMinMicros = -62135596800 * 1_000_000
	epochMaxMicros = 253402300799 * 1_000_000
)

// EpochMicros reads a canonical decimal integer (SQLBigint) in epoch unit
// unit ("epoch_s", "epoch_ms" or "epoch_us") into microseconds since the
// epoch, as the mapping reads it (detect.EpochTime) and the projection's
// SQL computes it; ok is false for other text, other units and times
// outside years 1 to 9999.
func EpochMicros(b []byte, unit string) (int64, bool) {
	k, ok := epochScale[unit]
	if !ok {
		return 0, false
	}
	n, ok := SQLBigint(b)
	if !ok || n < epochMinMicros/k || n > epochMaxMicros/k {
		return 0, false
	}
	return n * k, true
}

// SQLBigint reads a canonical decimal integer (no sign but '-', no
// leading zeros, no spaces, within int64), as the raw store keeps it typed
// and as DuckDB casts it to BIGINT; ok is false for any other text.
func SQLBigint(b []byte) (int64, bool) {
	return canonInt(b)
}

// projExpr returns the SQL of canonical column i of table ti read from
// column col of raw layout lay (-1 for NULL). A derived column reads the
// columns of the values join (projFrom).
func projExpr(ti, i int, lay rawLayout, col int, unit string) string {
	typ := canonColumns[ti][i].Type.ID()
	switch {
	case col >= 0 && typ == arrow.TIMESTAMP && unit != "":
		// Bounded as EpochMicros bounds it: a view may compute its
		// expressions before its filters, for rows not projected too.
		k, x := epochScale[unit], lay.bigintExpr(col)
		return fmt.Sprintf("CASE WHEN %s BETWEEN %d AND %d THEN make_timestamp(%s * %d) END", x, epochMinMicros/k, epochMaxMicros/k, x, k)
	case col < 0 && typ == arrow.TIMESTAMP:
		return "NULL::TIMESTAMP"
	case col < 0 && typ == arrow.INT64:
		return "NULL::BIGINT"
	case col < 0:
		return "NULL::VARCHAR"
	case typ == arrow.TIMESTAMP:
		return lay.timestampExpr(col)
	case typ == arrow.INT64:
		return lay.bigintExpr(col)
	case i == derivedCols[ti]:
		return "CASE WHEN coinsift_pv_raw IS NULL THEN NULLIF(" + lay.textExpr(col) + ", '') ELSE coinsift_pv_value END"
	}
	return "NULLIF(" + lay.textExpr(col) + ", '')"
}

// unitSuffix marks, in a projection's columns (seized_projections.columns),
// the epoch unit of a canonical column: "login_at:unit": "epoch_s".
const unitSuffix = ":unit"

// projFrom returns the FROM clause and condition of the projection of
// canonical table ti of evidence ev (numbered evNo in its store) from raw
// layout lay: the raw rows, joined with their derived values when the
// projection has a derived column.
func projFrom(ti int, cols map[string]string, lay rawLayout, ev string, evNo int) (from, where string) {
	from, where = lay.from(ev, evNo)
	d := derivedCols[ti]
	if d < 0 {
		return from, where
	}
	name, ok := cols[canonColumns[ti][d].Name]
	col := lay.col(name)
	if !ok || col < 0 {
		return from, where
	}
	from += fmt.Sprintf(" LEFT JOIN (SELECT raw AS coinsift_pv_raw, value AS coinsift_pv_value FROM seized_projection_values"+
		" WHERE evidence_id = %s AND src_table = %s AND target = %s) ON coinsift_pv_raw = %s",
		quoteString(ev), quoteString(lay.view), quoteString(CanonicalTables[ti]), lay.textExpr(col))
	return from, where
}

// projSelect returns the SELECT list of the projection of canonical table
// ti, from cols (canonical column → src column) over raw layout lay, with
// the provenance columns.
func projSelect(ti int, cols map[string]string, lay rawLayout, ev string) (string, error) {
	var b strings.Builder
	for i, c := range canonColumns[ti] {
		col := -1
		if name, ok := cols[c.Name]; ok {
			if col = lay.col(name); col < 0 {
				return "", fmt.Errorf("projection %s: %s has no column %q", CanonicalTables[ti], lay.view, name)
			}
		}
		unit := cols[c.Name+unitSuffix]
		if _, ok := epochScale[unit]; unit != "" && (!ok || c.Type.ID() != arrow.TIMESTAMP) {
			return "", fmt.Errorf("projection %s: %s: unit %q", CanonicalTables[ti], c.Name, unit)
		}
		fmt.Fprintf(&b, "%s AS %s, ", projExpr(ti, i, lay, col, unit), c.Name)
	}
	fmt.Fprintf(&b, "%s AS evidence_id, %s AS src_table, _row AS src_row", quoteString(ev), quoteString(lay.view))
	return b.String(), nil
}

// canonList returns the columns of canonical table ti without provenance,
// comma-separated.
func canonList(ti int) string {
	names := make([]string, len(canonColumns[ti]))
	for i, c := range canonColumns[ti] {
		names[i] = c.Name
	}
	return strings.Join(names, ", ")
}

func quoteString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// project ends the projections of the load: for each src table, either a
// projection in the view (all of the evidence's rows projected, by one
// source table) or the projected rows inserted from the raw rows. Then it
// rebuilds the views.
func (l *loader) project() error {
	if len(l.projs) == 0 {
		return nil
	}
	perSrc := map[*srcTable]int{} // source tables loaded into each src table
	for _, st := range l.srcOf {
		perSrc[st]++
	}
	changed := false
	for _, t := range l.projOrder {
		ps := l.projs[t]
		if ps.err != nil {
			return fmt.Errorf("load %s: %w", l.ev.Path, ps.err)
		}
		st := l.srcOf[t]
		if ps.rows == 0 || st == nil {
			continue
		}
		lay := st.layout
		cols := map[string]string{}
		for i, c := range ps.cols {
			if c >= 0 {
				if c >= len(lay.cols) {
					return fmt.Errorf("load %s: table %s: %s has %d columns", l.ev.Path, t.Name, st.name, len(lay.cols))
				}
				cols[canonColumns[ps.ti][i].Name] = lay.cols[c]
				if ps.units != nil && ps.units[i] != "" {
					cols[canonColumns[ps.ti][i].Name+unitSuffix] = ps.units[i]
				}
			}
		}
		from, evWhere := lay.from(l.ev.ID, st.evNo)
		target := CanonicalTables[ps.ti]
		if err := l.insertValues(ps, st); err != nil {
			return err
		}
		if ps.active && len(ps.excl) == 0 && perSrc[st] == 1 {
			n, err := l.count(`SELECT count(*) FROM ` + from + ` WHERE ` + evWhere)
			if err != nil {
				return err
			}
			if n == ps.rows {
				js, _ := json.Marshal(cols)
				if _, err := l.exec(`INSERT INTO seized_projections VALUES (?, ?, ?, ?, ?)`, l.ev.ID, st.name, target, string(js), n); err != nil {
					return fmt.Errorf("load %s: %w", l.ev.Path, err)
				}
				l.res.Canonical[target] += int(n)
				changed = true
				continue
			}
		}
		// Some rows were written as records: insert the projected ones.
		where := evWhere + ` AND _offset BETWEEN ? AND ?`
		for _, off := range ps.excl {
			where += fmt.Sprintf(" AND _offset <> %d", off)
		}
		n, err := l.count(`SELECT count(*) FROM `+from+` WHERE `+where, ps.lo, ps.hi)
		if err != nil {
			return err
		}
		if n != ps.rows {
			return fmt.Errorf("load %s: table %s: %d rows in the projected range of %s, %d projected", l.ev.Path, t.Name, n, st.name, ps.rows)
		}
		sel, err := projSelect(ps.ti, cols, lay, l.ev.ID)
		if err != nil {
			return fmt.Errorf("load %s: %w", l.ev.Path, err)
		}
		pfrom, _ := projFrom(ps.ti, cols, lay, l.ev.ID, st.evNo)
		q := fmt.Sprintf(`INSERT INTO %s (%s, evidence_id, src_table, src_row) SELECT %s FROM %s WHERE %s`,
			canonStore[ps.ti], canonList(ps.ti), sel, pfrom, where)
		if _, err := l.exec(q, ps.lo, ps.hi); err != nil {
			return fmt.Errorf("load %s: table %s: %s: %w", l.ev.Path, t.Name, target, err)
		}
		// The rows are written: their derived values are not needed.
		if _, err := l.exec(`DELETE FROM seized_projection_values WHERE evidence_id = ? AND src_table = ? AND target = ?`,
			l.ev.ID, st.name, target); err != nil {
			return fmt.Errorf("load %s: %w", l.ev.Path, err)
		}
		l.res.Canonical[target] += int(n)
	}
	if !changed {
		return nil
	}
	return rebuildViews(l.exec, l.query)
}

// insertValues writes the derived values of projection ps of src table st
// to seized_projection_values, sorted by text so that the same load writes
// the same rows in the same order.
func (l *loader) insertValues(ps *projState, st *srcTable) error {
	if len(ps.values) == 0 {
		return nil
	}
	keys := make([]string, 0, len(ps.values))
	for k := range ps.values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	schema := arrow.NewSchema([]arrow.Field{str("raw"), str("value")}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	var recs []arrow.RecordBatch
	defer func() {
		for _, r := range recs {
			r.Release()
		}
	}()
	raw, val := b.Field(0).(*array.StringBuilder), b.Field(1).(*array.StringBuilder)
	for i, k := range keys {
		raw.Append(k)
		if v, ok := ps.values[k].(string); ok {
			val.Append(v)
		} else {
			val.AppendNull()
		}
		if (i+1)%batchRows == 0 || i == len(keys)-1 {
			recs = append(recs, b.NewRecordBatch())
		}
	}
	if err := l.insertView(&records{schema: schema, recs: recs}, "INSERT INTO seized_projection_values SELECT %s FROM %s",
		"?, ?, ?, raw, value", l.ev.ID, st.name, CanonicalTables[ps.ti]); err != nil {
		return fmt.Errorf("load %s: table %s: derived values: %w", l.ev.Path, ps.table.Name, err)
	}
	return nil
}

// rebuildViews re-creates each view target as its stored rows plus the
// projections in seized_projections, in a fixed order.
func rebuildViews(exec func(string, ...any) (driver.Result, error), query queryFunc) error {
	rows, err := query(`SELECT target, evidence_id, src_table, columns FROM seized_projections ORDER BY target, evidence_id, src_table`)
	if err != nil {
		return fmt.Errorf("projections: %w", err)
	}
	parts := map[string][]string{}
	for _, r := range rows {
		target, _ := r[0].(string)
		ev, _ := r[1].(string)
		src, _ := r[2].(string)
		js, _ := r[3].(string)
		ti, ok := viewTargets[target]
		if !ok {
			return fmt.Errorf("projections: unknown target %q", target)
		}
		var cols map[string]string
		if err := json.Unmarshal([]byte(js), &cols); err != nil {
			return fmt.Errorf("projections: %s %s: %w", ev, src, err)
		}
		lay, ok, err := readLayout(query, src)
		if err != nil {
			return fmt.Errorf("projections: %s: %w", src, err)
		}
		if !ok {
			return fmt.Errorf("projections: %s: no such table", src)
		}
		evNo := 0
		if lay.store != "" {
			evs, err := evidenceNumbers(query, src)
			if err != nil {
				return fmt.Errorf("projections: %s: %w", src, err)
			}
			if evNo = numberOf(evs, ev); evNo == 0 {
				return fmt.Errorf("projections: %s: evidence %s is not in its store", src, ev)
			}
		}
		sel, err := projSelect(ti, cols, lay, ev)
		if err != nil {
			return err
		}
		from, where := projFrom(ti, cols, lay, ev, evNo)
		parts[target] = append(parts[target], fmt.Sprintf("SELECT %s FROM %s WHERE %s", sel, from, where))
	}
	for target, ti := range viewTargets {
		q := fmt.Sprintf("CREATE OR REPLACE VIEW %s AS SELECT %s, evidence_id, src_table, src_row FROM %s", target, canonList(ti), canonStore[ti])
		for _, p := range parts[target] {
			q += "\nUNION ALL " + p
		}
		if _, err := exec(q); err != nil {
			return fmt.Errorf("view %s: %w", target, err)
		}
	}
	return nil
}

// count runs a count query.
func (l *loader) count(q string, args ...any) (int64, error) {
	rows, err := l.query(q, args...)
	if err != nil {
		return 0, err
	}
	if len(rows) != 1 || len(rows[0]) != 1 {
		return 0, fmt.Errorf("load %s: %s: no count", l.ev.Path, q)
	}
	n, _ := rows[0][0].(int64)
	return n, nil
}

// query runs a query on the load's connection and returns its rows (small
// results only).
func (l *loader) query(q string, args ...any) ([][]driver.Value, error) {
	qc, ok := l.dc.(driver.QueryerContext)
	if !ok {
		return nil, fmt.Errorf("load %s: driver cannot query", l.ev.Path)
	}
	nv := make([]driver.NamedValue, len(args))
	for i, a := range args {
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	rows, err := qc.QueryContext(l.ctx, q, nv)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", l.ev.Path, err)
	}
	defer rows.Close()
	var out [][]driver.Value
	for {
		dest := make([]driver.Value, len(rows.Columns()))
		err := rows.Next(dest)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", l.ev.Path, err)
		}
		out = append(out, dest)
	}
}
