package seized

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
)

// LoadOptions configure Load.
type LoadOptions struct {
	Options
	Command string // recorded in the quarantine; default "seized load"
	Mapper  Mapper // nil: raw src_* tables only
	// NoProjection writes every canonical record, also those a projection
	// in the view would give (Projector; for tests and comparisons).
	NoProjection bool
	// VerifyProjection also maps the rows a Projector says it projects and
	// fails the load if a record differs from the projection (for tests).
	VerifyProjection bool
	Progress         coinsift.Progress // decompressed bytes; nil: none
	// Observer, if set, sees every row read (RowObserver).
	Observer RowObserver
	// ElsewhereTables are source tables that other files of the same
	// load hold: a mapping may name them although this file lacks them.
	ElsewhereTables []string
	Logger          *slog.Logger // nil: silent
	// MaxQuarantineItems caps the quarantine items kept in memory during a
	// load; beyond it rows are only counted and one summary item is stored.
	MaxQuarantineItems int // default 100000
}

// Mapper turns source rows into canonical records. It is implemented by
// package seized/mapping.
type Mapper interface {
	// Bind prepares the mapping of one source table; it returns nil when the
	// table is not mapped.
	Bind(t *Table) RowMapper
	// SHA256 identifies the mapping for the load registry.
	SHA256() string
	// Check returns an error naming the source table and column when the
	// mapping of t names a column that t lacks (nil when t is not mapped).
	Check(t *Table) error
	// SourceTables lists the source tables the mapping names, lookups included.
	SourceTables() []string
}

// RowObserver sees every row read by Load or Inspect, before it is
// mapped: the mapping's checks of what its columns hold use it. Observe is
// called from one goroutine at a time.
type RowObserver interface {
	Observe(t *Table, row []Value)
}

// Warning is a doubt about the data or its mapping that does not stop a
// load: a mapped column whose content contradicts its role.
type Warning struct {
	Table   string `json:"table"`            // source table
	Field   string `json:"field"`            // canonical target.field, e.g. "payments.address"
	Column  string `json:"column,omitempty"` // source column
	Values  int64  `json:"values"`           // non-empty values seen
	Against int64  `json:"against"`          // values that contradict the role
	Message string `json:"message"`          // one line, naming table, field and column
}

// RowMapper maps the rows of one bound table.
type RowMapper interface {
	// Map appends the canonical records of one row to out; an error sets the
	// row aside in quarantine (its raw row is still loaded).
	Map(row []Value, out *Records) error
}

// Projector is implemented by a RowMapper whose records for one canonical
// table may be a plain projection of the source row: each canonical column
// the text of one source column, as it is (NULL for NULL or empty), or, for
// a TIMESTAMP column, that text read as 'YYYY-MM-DD HH:MM:SS'.
// The load keeps the projection in SQL for the rows up to the first that
// Projects refuses (see project.go).
type Projector interface {
	// Projection returns the canonical table and, for each of its columns
	// (Records order), the index of the source column it is read from, or
	// -1 for NULL; ok is false when the mapping is no projection.
	Projection() (target string, cols []int, ok bool)
	// Projects reports whether Map would make of row exactly one record,
	// in the target, equal to the projection (MatchesProjection), and
	// nothing else. For such rows the load does not call Map. It must be
	// cheap and may be conservative: a false sends the row, and every
	// later row of the table, through Map.
	Projects(row []Value) bool
}

// Deriver is implemented by a Projector whose projection has one canonical
// column that SQL cannot compute from its source column (a call's E.164
// destination: libphonenumber). The load asks for the derived value of each
// distinct source text in the projected rows and keeps those that are not
// the text itself beside the projection (seized_projection_values); the
// view reads them back by the text.
type Deriver interface {
	// Derived returns the canonical column (Records order) whose value is
	// derived from the source column Projection gives it; ok is false when
	// there is none.
	Derived() (col int, ok bool)
	// Derive returns the derived value of the non-empty source text v:
	// same is true when it is v itself, otherwise out is the value (a
	// string, or nil for NULL). It must be deterministic.
	Derive(v []byte) (out any, same bool)
}

// UnitProjector is implemented by a Projector whose projection reads a
// TIMESTAMP column from an epoch integer instead of datetime text.
type UnitProjector interface {
	// ProjectionUnits returns, for each canonical column of the projection
	// (Records order), "" or the epoch unit its source integer is in:
	// "epoch_s", "epoch_ms" or "epoch_us" (see EpochMicros).
	ProjectionUnits() []string
}

// Counter is implemented by a RowMapper that counts values it mapped
// without a normalized form; Load adds the counts, by why, to
// LoadResult.RawValues when the source ends.
type Counter interface {
	Counts() map[string]int64
}

// Records are the canonical rows derived from one source row. Provenance is
// added by Load.
type Records struct {
	Accounts    [][]any // account_key, username, created_at, country
	Identifiers [][]any // account_key, kind, value, normalized, src_column
	Payments    [][]any // account_key, address, amount_sats, fiat_minor, fiat_currency, txid, vout, status, created_at, paid_at
	Logins      [][]any // account_key, ip, login_at, user_agent
	Calls       [][]any // account_key, caller_id, destination_raw, destination_e164, started_at, duration_s, status, template
}

func (r *Records) reset() {
	r.Accounts, r.Identifiers, r.Payments, r.Logins, r.Calls = r.Accounts[:0], r.Identifiers[:0], r.Payments[:0], r.Logins[:0], r.Calls[:0]
}

// CanonicalTables lists the canonical tables in Records order.
var CanonicalTables = []string{"accounts", "identifiers", "payments", "logins", "calls"}

// LoadResult reports a load.
type LoadResult struct {
	Evidence      string         `json:"evidence"`
	Path          string         `json:"path"`
	Format        Format         `json:"format"`
	AlreadyLoaded bool           `json:"already_loaded"`
	Rows          int64          `json:"rows"`
	Quarantined   int64          `json:"quarantined"`
	Bytes         int64          `json:"bytes"`
	Tables        []LoadedTable  `json:"tables"`
	Canonical     map[string]int `json:"canonical,omitempty"` // rows per canonical table
	// Truncated is set when the file ends early: what was read before the
	// cut is loaded and the cut is a quarantine item.
	Truncated *Truncation `json:"truncated,omitempty"`
	// DumpCompleted is the date of the dump tool's completion line, ""
	// if none.
	DumpCompleted string `json:"dump_completed,omitempty"`
	// Warnings are the mapping's doubts about the data (set by the
	// caller that ran the checks, e.g. 'seized load').
	Warnings []Warning `json:"warnings,omitempty"`
	// RawValues counts the values the mapping kept without a normalized
	// form, by why (Counter), e.g. "phones left raw (national format,
	// region unknown)".
	RawValues map[string]int64 `json:"raw_values,omitempty"`
	Elapsed   time.Duration    `json:"elapsed_ns"`
}

// LoadedTable reports one source table.
type LoadedTable struct {
	Source      string `json:"source"`
	SrcTable    string `json:"src_table"`
	Rows        int64  `json:"rows"`
	Quarantined int64  `json:"quarantined"`
}

// Load reads the evidence file ev into raw src_* tables (and, with a Mapper,
// the canonical tables) of case c, in one transaction: when it fails or ctx
// is cancelled, the case is as it was before. Loading evidence that was
// loaded already is a no-op (AlreadyLoaded). Rows that cannot be read or
// mapped go to the quarantine table, in the same transaction, with their
// reason, table, row number and byte offset.
func Load(ctx context.Context, c *casefile.Case, ev casefile.Evidence, opts LoadOptions) (res *LoadResult, err error) {
	start := time.Now()
	if opts.Command == "" {
		opts.Command = "seized load"
	}
	if opts.MaxQuarantineItems <= 0 {
		opts.MaxQuarantineItems = 100000
	}
	p := opts.Progress
	if p == nil {
		p = coinsift.NopProgress{}
	}
	defer p.Done()
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	res = &LoadResult{Evidence: ev.ID, Path: ev.Path, Canonical: map[string]int{}}
	db := c.DB()
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM seized_loads WHERE evidence_id = ?`, ev.ID).Scan(&n); err != nil {
		return nil, fmt.Errorf("load %s: %w", ev.Path, err)
	}
	if n > 0 {
		res.AlreadyLoaded = true
		return res, nil
	}
	src, format, err := Open(ev.Path, opts.Options)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	res.Format = format
	if st, err := osStat(ev.Path); err == nil {
		p.SetTotal(st)
	}

	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", ev.Path, err)
	}
	defer conn.Close()
	// Use a background context for the final ROLLBACK so that it runs after
	// cancellation.
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return nil, fmt.Errorf("load %s: begin: %w", ev.Path, err)
	}
	committed := false
	defer func() {
		if !committed {
			if _, rerr := conn.ExecContext(context.Background(), "ROLLBACK"); rerr != nil {
				err = errors.Join(err, fmt.Errorf("load %s: rollback: %w", ev.Path, rerr))
			}
		}
	}()
	l := &loader{ctx: ctx, conn: conn, ev: ev, opts: opts, res: res, tables: map[string]*srcTable{}, log: log,
		projs: map[*Table]*projState{}, srcOf: map[*Table]*srcTable{}}
	err = conn.Raw(func(dc any) error {
		l.dc = dc.(driver.Conn)
		if err := l.run(src, p); err != nil {
			return err
		}
		var t *Truncation
		t, res.DumpCompleted = truncationOf(src, ev.Path)
		if opts.Mapper != nil && format == FormatSQLDump {
			var seen []string
			for _, st := range l.order {
				seen = append(seen, st.source.Name)
			}
			if err := missingTables(opts.Mapper, seen, opts.ElsewhereTables, t != nil); err != nil {
				return fmt.Errorf("load %s: %w", ev.Path, err)
			}
		}
		if t != nil {
			res.Truncated = t
			l.res.Quarantined++
			l.quar = append(l.quar, casefile.QuarantineItem{Command: opts.Command, Evidence: ev.ID, Source: ev.Path,
				Table: t.LastTable, Offset: t.Decompressed, Reason: t.String()})
		}
		log.Debug("seized load: read and appended", "elapsed", time.Since(start))
		coinsift.SetPhase(p, "committing")
		if err := l.project(); err != nil {
			return err
		}
		log.Debug("seized load: projected", "elapsed", time.Since(start))
		err := l.finish()
		log.Debug("seized load: flushed", "elapsed", time.Since(start))
		return err
	})
	if err != nil {
		return nil, err
	}
	res.Bytes = src.BytesRead()
	mapSHA := any(nil)
	if opts.Mapper != nil {
		mapSHA = opts.Mapper.SHA256()
	}
	now := c.Now()
	if _, err := conn.ExecContext(ctx, `INSERT INTO seized_loads VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		ev.ID, ev.Path, string(format), mapSHA, res.Rows, res.Quarantined, res.Bytes, now, now); err != nil {
		return nil, fmt.Errorf("load %s: register: %w", ev.Path, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return nil, fmt.Errorf("load %s: commit: %w", ev.Path, err)
	}
	log.Debug("seized load: committed", "elapsed", time.Since(start))
	committed = true
	res.Elapsed = time.Since(start)
	return res, nil
}

// exec runs a statement on the load's connection (inside conn.Raw, where
// the *sql.Conn cannot be used).
func (l *loader) exec(query string, args ...any) (driver.Result, error) {
	e, ok := l.dc.(driver.ExecerContext)
	if !ok {
		return nil, errors.New("driver cannot exec")
	}
	nv := make([]driver.NamedValue, len(args))
	for i, a := range args {
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return e.ExecContext(l.ctx, query, nv)
}

type srcTable struct {
	name   string // src_* view
	layout rawLayout
	evNo   int // the evidence's _ev in the store
	source *Table
	rows   int64
	quar   int64
}

type loader struct {
	ctx    context.Context
	conn   *sql.Conn
	dc     driver.Conn
	ev     casefile.Evidence
	opts   LoadOptions
	res    *LoadResult
	tables map[string]*srcTable
	order  []*srcTable
	quar   []casefile.QuarantineItem
	views  int // views registered so far, for unique names
	log    *slog.Logger
	// projs are the projections by source table (project.go): written by
	// the producer, read by the loader once the producer has stopped.
	projs     map[*Table]*projState
	projOrder []*Table
	srcOf     map[*Table]*srcTable // src table of each source table seen
}

func (l *loader) quarantine(table string, row, off int64, reason string, raw []byte) {
	l.res.Quarantined++
	if t := l.tables[table]; t != nil {
		t.quar++
	}
	if len(l.quar) < l.opts.MaxQuarantineItems {
		l.quar = append(l.quar, casefile.QuarantineItem{Command: l.opts.Command, Evidence: l.ev.ID, Source: l.ev.Path,
			Table: table, Row: row, Offset: off, Reason: reason, Raw: raw})
	}
}

// table returns the src table for source table t, creating it on first use:
// its store, its registry rows and its view (store.go).
func (l *loader) table(t *Table) (*srcTable, error) {
	if st := l.tables[t.Name]; st != nil && layoutOf(st.name, t).same(st.layout) {
		st.source = t
		return st, nil
	}
	name := SrcTableName(t.Name)
	want := layoutOf(name, t)
	have, exists, err := readLayout(l.query, name)
	if err != nil {
		return nil, err
	}
	if exists && !have.same(want) {
		// Another shape, or a plain table from before typed stores.
		name = name + "_" + l.ev.ID[:8]
		want = layoutOf(name, t)
		if have, exists, err = readLayout(l.query, name); err != nil {
			return nil, err
		}
		if exists && !have.same(want) {
			return nil, fmt.Errorf("load %s: table %s: %s exists with other columns: %w", l.ev.Path, t.Name, name, coinsift.ErrExists)
		}
	}
	st := &srcTable{name: name, source: t, layout: want}
	if !exists {
		for i, c := range t.Columns {
			if _, err := l.exec(`INSERT INTO seized_src_columns VALUES (?, ?, ?, ?, ?, ?)`, name, i+1, c.Name, c.Type, c.Binary, want.kinds[i].String()); err != nil {
				return nil, fmt.Errorf("load %s: %w", l.ev.Path, err)
			}
		}
		if _, err := l.exec(want.createSQL()); err != nil {
			return nil, fmt.Errorf("load %s: create %s: %w", l.ev.Path, want.store, err)
		}
	}
	evs, err := evidenceNumbers(l.query, name)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", l.ev.Path, err)
	}
	if st.evNo = numberOf(evs, l.ev.ID); st.evNo == 0 {
		st.evNo = len(evs) + 1
		evs[st.evNo] = l.ev.ID
		if _, err := l.exec(`INSERT INTO seized_src_stores VALUES (?, ?, ?, ?)`, name, want.store, st.evNo, l.ev.ID); err != nil {
			return nil, fmt.Errorf("load %s: %w", l.ev.Path, err)
		}
		if _, err := l.exec(want.viewSQL(evs)); err != nil {
			return nil, fmt.Errorf("load %s: view %s: %w", l.ev.Path, name, err)
		}
	}
	// A source name seen before with another shape (re-created in the
	// dump) gets a second entry: both are kept.
	l.order = append(l.order, st)
	l.tables[t.Name] = st
	return st, nil
}

// finish writes the table registry and the quarantine inside the
// transaction.
func (l *loader) finish() error {
	seen := map[string]bool{}
	for _, st := range l.order {
		if seen[st.source.Name] {
			continue
		}
		seen[st.source.Name] = true
		l.res.Tables = append(l.res.Tables, LoadedTable{Source: st.source.Name, SrcTable: st.name, Rows: st.rows, Quarantined: st.quar})
		if _, err := l.exec(`INSERT INTO seized_src_tables VALUES (?, ?, ?, ?, ?, ?)`,
			l.ev.ID, st.source.Name, st.name, st.rows, st.quar, nullString(st.source.TimeZone)); err != nil {
			return fmt.Errorf("load %s: %w", l.ev.Path, err)
		}
	}
	if extra := l.res.Quarantined - int64(len(l.quar)); extra > 0 {
		l.quar = append(l.quar, casefile.QuarantineItem{Command: l.opts.Command, Evidence: l.ev.ID, Source: l.ev.Path, Offset: -1,
			Reason: fmt.Sprintf("%d more row(s) quarantined and not itemized", extra)})
	}
	if len(l.quar) > 0 {
		for _, q := range l.quar {
			raw := q.Raw
			if len(raw) > casefile.MaxQuarantineRaw {
				raw = raw[:casefile.MaxQuarantineRaw]
			}
			var rawArg any
			if raw != nil {
				rawArg = raw
			}
			if _, err := l.exec(`INSERT INTO quarantine
				(command, evidence_id, source, src_table, row_no, byte_offset, reason, raw, raw_size, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())`, q.Command, q.Evidence, q.Source, nullString(q.Table),
				nullInt(q.Row), nullOffset(q.Offset), q.Reason, rawArg, int64(len(q.Raw))); err != nil {
				return fmt.Errorf("load %s: quarantine: %w", l.ev.Path, err)
			}
		}
	}
	return nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

func nullOffset(v int64) any {
	if v < 0 {
		return nil
	}
	return v
}

// SrcTableName returns the raw table name for a source table:
// "src_" + the name in lower case with every character outside [a-z0-9_]
// replaced by '_' ("shop.users" → "src_shop_users").
func SrcTableName(source string) string {
	var b strings.Builder
	b.WriteString("src_")
	for _, r := range strings.ToLower(source) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// quoteIdent quotes a DuckDB identifier.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
