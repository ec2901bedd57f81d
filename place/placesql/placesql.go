package placesql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/netip"
	"sort"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/place"
)

// MaxLoginTimes bounds the login times per account given to the time-zone fit.
const MaxLoginTimes = 400

// Inputs are the signals of one subject.
type Inputs struct {
	Subject string
	Signals []place.Signal
	// Logins is the daily rhythm of the subject's earliest MaxLoginTimes
	// login times, all the time-zone fit reads of them.
	Logins place.Rhythm
}

// Options control how signals are read.
type Options struct {
	Region  string                    // default region of phone numbers, e.g. "GB"
	Locator place.IPLocator           // nil: the embedded iploc table
	Extra   map[string][]place.Signal // more signals per account key (e.g. ReadExchanges); keys that are no account are ignored
}

// ReadAccounts returns the inputs of every account, by account key.
func ReadAccounts(ctx context.Context, db *sql.DB, o Options) ([]Inputs, error) {
	if o.Locator == nil {
		o.Locator = place.IPLoc{}
	}
	by := map[string]*Inputs{}
	get := func(k string) *Inputs {
		in := by[k]
		if in == nil {
			in = &Inputs{Subject: k}
			by[k] = in
		}
		return in
	}
	// Every account exists, even without signals.
	if err := query(ctx, db, `SELECT DISTINCT account_key FROM accounts WHERE account_key IS NOT NULL`, func(r *sql.Rows) error {
		var k string
		if err := r.Scan(&k); err != nil {
			return err
		}
		get(k)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("read accounts: %w", err)
	}
	addIP := func(in *Inputs, ip, table string, row int64, signup bool) {
		a, err := netip.ParseAddr(strings.TrimSpace(ip))
		if err != nil {
			return
		}
		var s place.Signal
		var ok bool
		if signup {
			s, ok = place.SignupIP(o.Locator, a.Unmap())
		} else {
			s, ok = place.IP(o.Locator, a.Unmap())
		}
		if ok {
			s.Table, s.Row = table, row
			in.Signals = append(in.Signals, s)
		}
	}
	// Phones are read from the text as typed: the loader's normalised form
	// has already assumed the default region for national numbers.
	err := query(ctx, db, `SELECT account_key, kind, CASE WHEN kind = 'phone' THEN value ELSE coalesce(normalized, value) END,
		src_table, src_row, src_column FROM identifiers
		WHERE account_key IS NOT NULL AND kind IN ('phone', 'email', 'ip')
		ORDER BY account_key, kind, src_table, src_row`, func(r *sql.Rows) error {
		var k, kind, v, table, column string
		var row int64
		if err := r.Scan(&k, &kind, &v, &table, &row, &column); err != nil {
			return err
		}
		in := get(k)
		var s place.Signal
		var ok bool
		switch kind {
		case "phone":
			s, ok = place.Phone(v, o.Region)
		case "email":
			s, ok = place.Email(v)
		case "ip":
			addIP(in, v, table, row, SignupColumn(column))
			return nil
		}
		if ok {
			s.Table, s.Row = table, row
			in.Signals = append(in.Signals, s)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read identifiers: %w", err)
	}
	// The login addresses and the login times are two aggregates over the
	// largest table; each leaves part of the two cores idle, so they run
	// side by side on two connections.
	var (
		rhythms  map[string]*place.Rhythm
		timesErr error
		wg       sync.WaitGroup
	)
	wg.Go(func() { rhythms, timesErr = loginRhythms(ctx, db) })
	err = query(ctx, db, `SELECT account_key, ip, min(src_table), min(src_row) FROM logins
		WHERE account_key IS NOT NULL AND ip IS NOT NULL GROUP BY account_key, ip ORDER BY account_key, ip`, func(r *sql.Rows) error {
		var k, ip, table string
		var row int64
		if err := r.Scan(&k, &ip, &table, &row); err != nil {
			return err
		}
		addIP(get(k), ip, table, row, false)
		return nil
	})
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("read login ips: %w", err)
	}
	if timesErr != nil {
		return nil, fmt.Errorf("read login times: %w", timesErr)
	}
	for k, r := range rhythms {
		get(k).Logins = *r
	}
	// Extra signals of keys that are no account (a payment row naming an
	// unknown user) are dropped: only accounts are placed.
	for k, extra := range o.Extra {
		if in := by[k]; in != nil {
			in.Signals = append(in.Signals, extra...)
		}
	}
	out := make([]Inputs, 0, len(by))
	for _, in := range by {
		out = append(out, *in)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Subject < out[j].Subject })
	return out, nil
}

// loginRhythms reads the earliest MaxLoginTimes login times of each
// account, as one list per account of microseconds since the epoch:
// DuckDB's top-n min keeps a small heap per account instead of sorting
// every login, and a list of integers crosses to Go far more cheaply than
// a row per time.Time. Equal times are interchangeable, so ties need no
// breaking.
func loginRhythms(ctx context.Context, db *sql.DB) (map[string]*place.Rhythm, error) {
	out := map[string]*place.Rhythm{}
	err := query(ctx, db, fmt.Sprintf(`SELECT account_key, min(epoch_us(login_at), %d) FROM logins
		WHERE account_key IS NOT NULL AND login_at IS NOT NULL GROUP BY account_key`, MaxLoginTimes), func(r *sql.Rows) error {
		var k string
		var list any
		if err := r.Scan(&k, &list); err != nil {
			return err
		}
		us, ok := list.([]any)
		if !ok {
			return fmt.Errorf("account %s: login times: got %T, want a list", k, list)
		}
		rh := out[k]
		if rh == nil {
			rh = new(place.Rhythm)
			out[k] = rh
		}
		for _, v := range us {
			u, ok := v.(int64)
			if !ok {
				return fmt.Errorf("account %s: login time: got %T, want microseconds", k, v)
			}
			rh.Add(unixSeconds(u))
		}
		return nil
	})
	return out, err
}

// unixSeconds converts microseconds since the epoch to whole seconds,
// rounding down as time.Time.Unix does.
func unixSeconds(us int64) int64 {
	s := us / 1e6
	if us%1e6 < 0 {
		s--
	}
	return s
}

// SignupColumn reports whether an account's IP column holds the address
// the account was created from (signup_ip, reg_ip, register_ip,
// registration_ip, created_ip, join_ip …). Any other address column
// (last_ip, current_ip, ip) holds a login's address: it is read as a login
// address, so that the last login — often through a VPN exit — is not
// counted twice, once among the logins and once as a sign-up.
func SignupColumn(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"signup", "sign_up", "reg", "creat", "join"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// ReadPersons returns person_id → account keys from the persons table, or
// nil when there is no such table or it is empty.
func ReadPersons(ctx context.Context, db *sql.DB) (map[string][]string, error) {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM duckdb_tables() WHERE table_name = 'persons' AND schema_name = 'main'`).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	out := map[string][]string{}
	err := query(ctx, db, `SELECT CAST(person_id AS VARCHAR), account_key FROM persons ORDER BY 1, 2`, func(r *sql.Rows) error {
		var p, a string
		if err := r.Scan(&p, &a); err != nil {
			return err
		}
		out[p] = append(out[p], a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read persons: %w", err)
	}
	return out, nil
}

func query(ctx context.Context, db *sql.DB, q string, fn func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Result is one stored placement.
type Result struct {
	Kind    string // account or person
	Subject string
	place.Placement
	Signals int
}

// Save replaces the stored placements with rs, in one transaction.
func Save(ctx context.Context, db *sql.DB, rs []Result, w place.Weights) error {
	weights := fmt.Sprintf("%+v", w)
	// Evidence rows by result and signal index: a few million at scale, so
	// indexed rather than copied.
	type ev struct{ r, s int32 }
	n := 0
	for i := range rs {
		n += len(rs[i].Evidence)
	}
	evs := make([]ev, 0, n)
	for i := range rs {
		for k := range rs[i].Evidence {
			evs = append(evs, ev{int32(i), int32(k)})
		}
	}
	err := casefile.InTx(ctx, db, func(conn *sql.Conn) error {
		for _, t := range []string{"placements", "placement_evidence"} {
			if _, err := conn.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return err
			}
		}
		if err := casefile.AppendRows(ctx, conn, "placements", len(rs), func(i int) []driver.Value {
			r := rs[i]
			var country, conflicts driver.Value
			if r.Country != "" {
				country = string(r.Country)
			}
			if len(r.Conflicts) > 0 {
				cs := make([]string, len(r.Conflicts))
				for k, c := range r.Conflicts {
					cs[k] = string(c)
				}
				conflicts = strings.Join(cs, ",")
			}
			return []driver.Value{r.Kind, r.Subject, country, r.Confidence, conflicts, int32(r.Signals), weights}
		}); err != nil {
			return err
		}
		return casefile.AppendArrow(ctx, conn, "placement_evidence", evidenceSchema, len(evs), func(i int, b *array.RecordBuilder) {
			r := &rs[evs[i].r]
			s := &r.Evidence[evs[i].s]
			for k, v := range [...]string{r.Kind, r.Subject, string(s.Kind), string(s.Country)} {
				b.Field(k).(*array.StringBuilder).Append(v)
			}
			b.Field(4).(*array.Float64Builder).Append(s.Weight)
			b.Field(5).(*array.StringBuilder).Append(s.Value)
			b.Field(6).(*array.StringBuilder).Append(s.Detail)
			if s.Table != "" {
				b.Field(7).(*array.StringBuilder).Append(s.Table)
				b.Field(8).(*array.Int64Builder).Append(s.Row)
			} else {
				b.Field(7).AppendNull()
				b.Field(8).AppendNull()
			}
		})
	})
	if err != nil {
		return fmt.Errorf("save placements: %w", err)
	}
	return nil
}

// evidenceSchema is placement_evidence's columns, for AppendArrow.
var evidenceSchema = arrow.NewSchema([]arrow.Field{
	{Name: "subject_kind", Type: arrow.BinaryTypes.String},
	{Name: "subject", Type: arrow.BinaryTypes.String},
	{Name: "kind", Type: arrow.BinaryTypes.String},
	{Name: "country", Type: arrow.BinaryTypes.String},
	{Name: "weight", Type: arrow.PrimitiveTypes.Float64},
	{Name: "value", Type: arrow.BinaryTypes.String},
	{Name: "detail", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "src_table", Type: arrow.BinaryTypes.String, Nullable: true},
	{Name: "src_row", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
}, nil)

// ErrNoSeized reports a case without canonical seized accounts.
var ErrNoSeized = fmt.Errorf("no seized accounts in the case (run 'coinsift seized load --mapping'): %w", coinsift.ErrNotFound)
