package reportsql

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/cluster"
	"github.com/coinsift/coinsift/report"
	"github.com/coinsift/coinsift/triage"
)

// LoadCase returns the case header: name, currency, the time of the last
// audit line (reports are dated by it, never by the clock), the audit
// excerpt and the heuristics with their measured error rates.
func LoadCase(ctx context.Context, c *casefile.Case, version string, nr triage.NamedRule) (report.Case, error) {
	entries, err := casefile.ReadAudit(c.Path(casefile.AuditLogFile))
	if err != nil {
		return report.Case{}, err
	}
	rc := report.Case{Name: c.Config().Name, Currency: c.Config().Settings.Currency, Rule: nr.Expr, RuleName: nr.Name, Version: version}
	for _, e := range entries {
		if isReport(e.Command) {
			continue // earlier reports did not change the data: rerun, same bytes
		}
		rc.AuditExcerpt = append(rc.AuditExcerpt, report.AuditLine{Seq: e.Seq, Time: e.Time, User: e.User,
			Command: strings.Join(e.Command, " "), Hash: e.Hash})
		rc.Generated = e.Time
	}
	if rc.Generated.IsZero() {
		rc.Generated = c.Config().Created
	}
	for _, m := range cluster.Measured() {
		rc.Heuristics = append(rc.Heuristics, report.Heuristic{Name: m.Name, Version: m.Version,
			Precision: m.Precision, Recall: m.Recall, Measured: m.Where})
	}
	return rc, nil
}

// isReport reports whether an audit line records a report command.
func isReport(cmd []string) bool {
	for i := 0; i+1 < len(cmd); i++ {
		if cmd[i] == "report" && (cmd[i+1] == "referrals" || cmd[i+1] == "summary") {
			return true
		}
	}
	return false
}

// inList is the set of the strings bound to one VARCHAR[] parameter, as in
// "WHERE account_key IN "+inList.
const inList = `(SELECT unnest(?::VARCHAR[]))`

// suspectAccounts returns person → account keys for the given persons.
func suspectAccounts(ctx context.Context, db *sql.DB, persons []string) (map[string][]string, error) {
	out := map[string][]string{}
	err := each(ctx, db, `SELECT person, account_key FROM suspect_accounts
		WHERE person IN `+inList+` ORDER BY person, account_key`, []any{persons}, func(r *sql.Rows) error {
		var p, a string
		if err := r.Scan(&p, &a); err != nil {
			return err
		}
		out[p] = append(out[p], a)
		return nil
	})
	return out, err
}

func each(ctx context.Context, db *sql.DB, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
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

// Loader reads, once, the rows of every table a report draws on that
// concern the suspects to report, so that expanding thousands of suspects
// costs a few bulk queries rather than several queries per suspect.
type Loader struct {
	currency   string
	accounts   map[string][]string // person → account keys
	account    map[string]report.Account
	placements map[string][]report.Signal  // "kind\x00subject" → signals
	payments   map[string][]report.Payment // account → payments
	sources    map[string][]sourceRow      // account → exchange sources
	paid       map[string]int64            // account → traced sats
}

type sourceRow struct {
	entity string
	sats   int64
	hops   int
	txid   string
	height coinsift.Height
}

// NewLoader reads the rows about persons, the triage person ids of the
// suspects to report (the whole placement table of a large case is
// millions of rows, most about people no package names). Loader.Suspects
// expands only suspects among persons.
func NewLoader(ctx context.Context, db *sql.DB, currency string, persons []string) (*Loader, error) {
	l := &Loader{currency: currency, account: map[string]report.Account{}, placements: map[string][]report.Signal{},
		payments: map[string][]report.Payment{}, sources: map[string][]sourceRow{}, paid: map[string]int64{}}
	persons = slices.Compact(slices.Sorted(slices.Values(persons)))
	var err error
	if l.accounts, err = suspectAccounts(ctx, db, persons); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	var keys, subjects []string // the persons' account keys; persons placed as accounts
	for _, p := range persons {
		keys = append(keys, l.accounts[p]...)
		if k, ok := strings.CutPrefix(p, "account:"); ok {
			subjects = append(subjects, k)
		}
	}
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	err = each(ctx, db, `SELECT account_key, coalesce(username, ''), created_at, evidence_id, src_table, src_row FROM (
			SELECT *, row_number() OVER (PARTITION BY account_key ORDER BY evidence_id, src_table, src_row) AS rn FROM accounts
			WHERE account_key IN `+inList+`) WHERE rn = 1`, []any{keys}, func(r *sql.Rows) error {
		var a report.Account
		var created sql.NullTime
		var ev, table string
		var row int64
		if err := r.Scan(&a.Key, &a.Username, &created, &ev, &table, &row); err != nil {
			return err
		}
		a.Created = created.Time.UTC()
		a.Provenance = fmt.Sprintf("evidence %s, table %s, row %d", ev, table, row)
		l.account[a.Key] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("report accounts: %w", err)
	}
	err = each(ctx, db, `SELECT DISTINCT account_key, kind, coalesce(normalized, value) FROM identifiers
		WHERE account_key IN `+inList+` AND kind IN ('email', 'phone', 'ip') ORDER BY 1, 2, 3`, []any{keys}, func(r *sql.Rows) error {
		var k, kind, v string
		if err := r.Scan(&k, &kind, &v); err != nil {
			return err
		}
		a := l.account[k]
		a.Key = k
		switch kind {
		case "email":
			a.Emails = append(a.Emails, v)
		case "phone":
			a.Phones = append(a.Phones, v)
		case "ip":
			a.IPs = append(a.IPs, v)
		}
		l.account[k] = a
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("report identifiers: %w", err)
	}
	err = each(ctx, db, `SELECT subject_kind, subject, kind, value, coalesce(detail, ''), country, weight FROM placement_evidence
		WHERE (subject_kind = 'person' AND subject IN `+inList+`) OR (subject_kind = 'account' AND subject IN `+inList+`)
		ORDER BY subject_kind, subject, weight DESC, kind, value, country`, []any{persons, subjects}, func(r *sql.Rows) error {
		var sk, subj, cc string
		var sg report.Signal
		if err := r.Scan(&sk, &subj, &sg.Kind, &sg.Value, &sg.Detail, &cc, &sg.Weight); err != nil {
			return err
		}
		sg.Country = coinsift.Country(cc)
		key := sk + "\x00" + subj
		l.placements[key] = append(l.placements[key], sg)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("report placements: %w", err)
	}
	err = each(ctx, db, `SELECT l.account_key, l.src_table || '#' || l.src_row, coalesce(l.address, ''), o.txid, o.vout, o.height,
			o.block_time, o.sats, coalesce(v.value_minor, 0), coalesce(CAST(v.rate AS VARCHAR), ''), coalesce(v.source, ''),
			v.rate_time, coalesce(v.rate_evidence, ''), l.status, l.evidence_id, l.src_table, l.src_row
		FROM links l JOIN link_outputs o USING (evidence_id, src_table, src_row)
		LEFT JOIN payment_values v USING (evidence_id, src_table, src_row, seq)
		WHERE l.account_key IN `+inList+` ORDER BY l.account_key, o.height, o.txid, o.vout, l.evidence_id, l.src_table, l.src_row`, []any{keys}, func(r *sql.Rows) error {
		var p report.Payment
		var txid, ev, table string
		var row int64
		var rateTime sql.NullTime
		if err := r.Scan(&p.Account, &p.Invoice, &p.Address, &txid, &p.Vout, &p.Height, &p.BlockTime, &p.Sats,
			&p.Value.Minor, &p.Rate, &p.RateSource, &rateTime, &p.RateEvidence, &p.Status, &ev, &table, &row); err != nil {
			return err
		}
		id, err := coinsift.ParseTxID(txid)
		if err != nil {
			return err
		}
		p.TxID, p.Value.Currency, p.RateTime, p.BlockTime = id, currency, rateTime.Time.UTC(), p.BlockTime.UTC()
		p.Provenance = fmt.Sprintf("evidence %s, table %s, row %d", ev, table, row)
		l.payments[p.Account] = append(l.payments[p.Account], p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("report payments: %w", err)
	}
	err = each(ctx, db, `SELECT pp.account_key, s.entity, s.sats, s.hops, s.txid, s.height
		FROM payment_sources s JOIN payment_payers pp USING (evidence_id, src_table, src_row)
		WHERE pp.account_key IN `+inList+` AND s.category = 'exchange' ORDER BY 1, 2, 6, 5`, []any{keys}, func(r *sql.Rows) error {
		var k string
		var sr sourceRow
		if err := r.Scan(&k, &sr.entity, &sr.sats, &sr.hops, &sr.txid, &sr.height); err != nil {
			return err
		}
		l.sources[k] = append(l.sources[k], sr)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("report sources: %w", err)
	}
	err = each(ctx, db, `SELECT account_key, sum(sats) FROM payment_payers WHERE account_key IN `+inList+` GROUP BY 1`, []any{keys}, func(r *sql.Rows) error {
		var k string
		var n int64
		if err := r.Scan(&k, &n); err != nil {
			return err
		}
		l.paid[k] = n
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("report payers: %w", err)
	}
	return l, nil
}

// Suspects expands ranked triage suspects into report suspects. Every
// suspect must be one of the persons the Loader was made for.
func (l *Loader) Suspects(ranked []triage.Suspect) []report.Suspect {
	out := make([]report.Suspect, 0, len(ranked))
	for i, s := range ranked {
		rs := report.Suspect{Rank: i + 1, Person: coinsift.FormatPerson(s.Person), Country: s.Country, Confidence: s.Confidence,
			Paid: s.Paid, Calls: s.Calls, Victims: s.Victims, Score: s.Score, Reasons: s.Reasons}
		for _, c := range s.Conflicts {
			rs.Conflicts = append(rs.Conflicts, coinsift.Country(c))
		}
		keys := l.accounts[s.Person]
		for _, k := range keys {
			a, ok := l.account[k]
			if !ok {
				a = report.Account{Key: k}
			}
			rs.Accounts = append(rs.Accounts, a)
			rs.Payments = append(rs.Payments, l.payments[k]...)
		}
		kind, subject := "person", s.Person
		if strings.HasPrefix(s.Person, "account:") {
			kind, subject = "account", strings.TrimPrefix(s.Person, "account:")
		}
		rs.Placement = l.placements[kind+"\x00"+subject]
		rs.Sources = l.personSources(keys)
		out = append(out, rs)
	}
	return out
}

func (l *Loader) personSources(keys []string) []report.Source {
	by := map[string]*report.Source{}
	var all int64
	for _, k := range keys {
		all += l.paid[k]
		for _, sr := range l.sources[k] {
			a := by[sr.entity]
			if a == nil {
				a = &report.Source{Exchange: sr.entity, Hops: sr.hops, Model: "haircut"}
				by[sr.entity] = a
			}
			a.Sats += coinsift.Sats(sr.sats)
			if a.WithdrawalTxID == (coinsift.TxID{}) || sr.hops < a.Hops {
				id, _ := coinsift.ParseTxID(sr.txid)
				a.WithdrawalTxID, a.WithdrawalHeight, a.Hops = id, sr.height, sr.hops
			}
		}
	}
	out := make([]report.Source, 0, len(by))
	for _, a := range by {
		if all > 0 {
			a.Share = float64(a.Sats) / float64(all)
		}
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Sats != out[j].Sats {
			return out[i].Sats > out[j].Sats
		}
		return out[i].Exchange < out[j].Exchange
	})
	return out
}

// Orders groups the suspects' funding withdrawals by exchange.
func Orders(suspects []report.Suspect) []report.ProductionOrder {
	by := map[string]*report.ProductionOrder{}
	for _, s := range suspects {
		acct := ""
		if len(s.Accounts) > 0 {
			acct = s.Accounts[0].Key
		}
		for _, src := range s.Sources {
			o := by[src.Exchange]
			if o == nil {
				o = &report.ProductionOrder{Exchange: src.Exchange, Jurisdiction: src.Jurisdiction}
				by[src.Exchange] = o
			}
			o.Items = append(o.Items, report.Withdrawal{Person: s.Person, Account: acct, TxID: src.WithdrawalTxID,
				Height: src.WithdrawalHeight, Time: src.WithdrawalTime, Sats: src.Sats})
		}
	}
	out := make([]report.ProductionOrder, 0, len(by))
	for _, o := range by {
		out = append(out, *o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Exchange < out[j].Exchange })
	return out
}

// Victims returns the stored victims of one country.
func Victims(ctx context.Context, db *sql.DB, country coinsift.Country) ([]report.Victim, error) {
	var out []report.Victim
	err := each(ctx, db, `SELECT e164, calls, longest_s, first_call, last_call, organisations FROM victims
		WHERE country = ? ORDER BY e164`, []any{string(country)}, func(r *sql.Rows) error {
		v := report.Victim{Country: country}
		var longest int64
		var first, last sql.NullTime
		var orgs string
		if err := r.Scan(&v.E164, &v.Calls, &longest, &first, &last, &orgs); err != nil {
			return err
		}
		v.LongestCall, v.FirstCall, v.LastCall = time.Duration(longest)*time.Second, first.Time.UTC(), last.Time.UTC()
		if orgs != "" {
			v.Organisations = strings.Split(orgs, "; ")
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("victims of %s: %w", country, err)
	}
	return out, nil
}

// Summary gathers the figures of the case summary.
func Summary(ctx context.Context, db *sql.DB, rc report.Case) (report.Summary, error) {
	s := report.Summary{Case: rc, SuspectsByCountry: map[coinsift.Country]int{}, VictimsByCountry: map[coinsift.Country]int{},
		Total: coinsift.Money{Currency: rc.Currency}}
	scalar := func(q string, dst any) error {
		return db.QueryRowContext(ctx, q).Scan(dst)
	}
	var n sql.NullInt64
	for _, q := range []struct {
		sql string
		dst *int
	}{
		{`SELECT count(DISTINCT account_key) FROM accounts`, &s.Users},
		{`SELECT count(*) FROM payments`, &s.Payments},
		{`SELECT count(*) FROM links WHERE status = 'verified'`, &s.VerifiedPayments},
		{`SELECT count(*) FROM suspects`, &s.RuleHits},
	} {
		if err := scalar(q.sql, &n); err != nil {
			return s, fmt.Errorf("summary: %w", err)
		}
		*q.dst = int(n.Int64)
	}
	if err := scalar(`SELECT sum(verified_minor) FROM account_totals`, &n); err != nil {
		return s, fmt.Errorf("summary: %w", err)
	}
	s.Total.Minor = n.Int64
	count := func(q string, m map[coinsift.Country]int) error {
		return each(ctx, db, q, nil, func(r *sql.Rows) error {
			var cc string
			var k int
			if err := r.Scan(&cc, &k); err != nil {
				return err
			}
			m[coinsift.Country(cc)] = k
			return nil
		})
	}
	if err := count(`SELECT coalesce(country, '??'), count(*) FROM suspects GROUP BY 1 ORDER BY 1`, s.SuspectsByCountry); err != nil {
		return s, fmt.Errorf("summary: %w", err)
	}
	if err := count(`SELECT coalesce(country, '??'), count(*) FROM victims GROUP BY 1 ORDER BY 1`, s.VictimsByCountry); err != nil {
		return s, fmt.Errorf("summary: %w", err)
	}
	err := each(ctx, db, `SELECT strftime(o.block_time, '%Y-%m'), count(DISTINCT (o.evidence_id, o.src_table, o.src_row)), coalesce(sum(v.value_minor), 0)
		FROM links l JOIN link_outputs o USING (evidence_id, src_table, src_row)
		LEFT JOIN payment_values v USING (evidence_id, src_table, src_row, seq)
		WHERE l.status = 'verified' GROUP BY 1 ORDER BY 1`, nil, func(r *sql.Rows) error {
		m := report.MonthTotal{Total: coinsift.Money{Currency: rc.Currency}}
		if err := r.Scan(&m.Month, &m.Count, &m.Total.Minor); err != nil {
			return err
		}
		s.PaymentsByMonth = append(s.PaymentsByMonth, m)
		return nil
	})
	if err != nil {
		return s, fmt.Errorf("summary by month: %w", err)
	}
	err = each(ctx, db, `SELECT s.entity, count(DISTINCT s.account_key), coalesce(sum(t.verified_minor * s.share), 0)
		FROM account_sources s LEFT JOIN account_totals t USING (account_key)
		WHERE s.category = 'exchange' GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 10`, nil, func(r *sql.Rows) error {
		e := report.ExchangeTotal{Total: coinsift.Money{Currency: rc.Currency}}
		var total float64
		if err := r.Scan(&e.Exchange, &e.Payers, &total); err != nil {
			return err
		}
		e.Total.Minor = int64(total + 0.5)
		s.TopExchanges = append(s.TopExchanges, e)
		return nil
	})
	if err != nil {
		return s, fmt.Errorf("summary exchanges: %w", err)
	}
	return s, nil
}
