package reportsql

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strconv"
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
// excerpt, the heuristics with their measured error rates (clustering,
// then report.Measured) and the report settings of case.toml.
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
			Precision: m.Precision, Recall: m.Recall, Measured: m.Where, Area: report.AreaClustering})
	}
	rc.Heuristics = append(rc.Heuristics, report.Measured()...)
	rs := c.Config().Settings.Report
	rc.Authority, rc.LegalBasis, rc.Officer = rs.Authority, rs.LegalBasis, rs.Officer
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
	// withdrawals holds every exchange withdrawal a source names, by txid;
	// actors the exchanges' labels and jurisdictions; model the trace
	// model of the payers run; links the person links of the accounts.
	withdrawals map[string]*withdrawal
	actors      map[string]actor
	model       string
	links       map[string][]report.PersonLink // account → links it is part of
}

type sourceRow struct {
	entity  string
	sats    int64
	hops    int
	txid    string
	height  coinsift.Height
	pay     payKey // the payment traced
	invoice string // the payment, as report.Payment.Invoice
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
			o.block_time, o.sats, coalesce(v.value_minor, 0), coalesce(rtrim(rtrim(CAST(v.rate AS VARCHAR), '0'), '.'), ''), coalesce(v.source, ''),
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
	err = each(ctx, db, `SELECT pp.account_key, s.entity, s.sats, s.hops, s.txid, s.height, s.evidence_id, s.src_table, s.src_row
		FROM payment_sources s JOIN payment_payers pp USING (evidence_id, src_table, src_row)
		WHERE pp.account_key IN `+inList+` AND s.category = 'exchange' ORDER BY 1, 2, 6, 5, 7, 8, 9`, []any{keys}, func(r *sql.Rows) error {
		var k string
		var sr sourceRow
		if err := r.Scan(&k, &sr.entity, &sr.sats, &sr.hops, &sr.txid, &sr.height, &sr.pay.evidence, &sr.pay.table, &sr.pay.row); err != nil {
			return err
		}
		sr.invoice = sr.pay.table + "#" + strconv.FormatInt(sr.pay.row, 10)
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
	if err := l.loadWithdrawals(ctx, db, keys); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	if err := l.loadActors(ctx, db); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	if err := l.loadModel(ctx, db); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	if err := l.loadLinks(ctx, db, keys); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return l, nil
}

// Suspects expands ranked triage suspects into report suspects. Every
// suspect must be one of the persons the Loader was made for.
func (l *Loader) Suspects(ranked []triage.Suspect) []report.Suspect {
	out := make([]report.Suspect, 0, len(ranked))
	for i, s := range ranked {
		rs := report.Suspect{Rank: i + 1, Person: coinsift.FormatPerson(s.Person), Country: s.Country, Confidence: s.Confidence,
			Received: s.Received, Verified: s.Verified, Late: s.Late, Partial: s.Partial, Mismatch: s.Mismatch, PaidAgain: s.PaidAgain,
			VerifiedPayments: s.VerifiedPayments, ReceivedPayments: s.Payments,
			Calls: s.Calls, Victims: s.Victims, Score: s.Score, Reasons: s.Reasons}
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
		rs.Sources = l.personSources(rs.Person, keys)
		rs.Links = l.personLinks(keys)
		out = append(out, rs)
	}
	return out
}

// personSources aggregates the exchange sources of a person's payments
// per exchange, with every withdrawal of the exchange that funded them.
func (l *Loader) personSources(person string, keys []string) []report.Source {
	by := map[string]*report.Source{}
	type wkey struct{ entity, txid string }
	traced := map[wkey][]report.Traced{}
	paid := map[wkey][]payKey{}
	var all int64
	for _, k := range keys {
		all += l.paid[k]
		for _, sr := range l.sources[k] {
			a := by[sr.entity]
			if a == nil {
				act := l.actor(sr.entity)
				a = &report.Source{Exchange: sr.entity, Hops: sr.hops, Model: l.model, Label: act.label, Jurisdictions: act.jurisdictions}
				if len(act.jurisdictions) > 0 {
					a.Jurisdiction = act.jurisdictions[0]
				}
				by[sr.entity] = a
			}
			a.Sats += coinsift.Sats(sr.sats)
			if a.WithdrawalTxID == (coinsift.TxID{}) || sr.hops < a.Hops {
				id, _ := coinsift.ParseTxID(sr.txid)
				a.WithdrawalTxID, a.WithdrawalHeight, a.Hops = id, sr.height, sr.hops
			}
			wk := wkey{sr.entity, sr.txid}
			traced[wk] = append(traced[wk], report.Traced{Person: person, Account: k, Invoice: sr.invoice, Sats: coinsift.Sats(sr.sats), Hops: sr.hops})
			paid[wk] = append(paid[wk], sr.pay)
		}
	}
	for wk, t := range traced {
		a := by[wk.entity]
		a.Withdrawals = append(a.Withdrawals, l.withdrawalOf(wk.txid, t, paid[wk]))
	}
	out := make([]report.Source, 0, len(by))
	for _, a := range by {
		if all > 0 {
			a.Share = float64(a.Sats) / float64(all)
		}
		slices.SortFunc(a.Withdrawals, func(x, y report.Withdrawal) int {
			return cmp.Or(x.Time.Compare(y.Time), cmp.Compare(x.TxID.String(), y.TxID.String()))
		})
		for _, w := range a.Withdrawals {
			if w.TxID == a.WithdrawalTxID {
				a.WithdrawalTime = w.Time
				if len(w.ExchangeAddresses) > 0 {
					a.Address = w.ExchangeAddresses[0]
				}
			}
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

// Orders groups the suspects' funding withdrawals by exchange, one item
// per withdrawal txid: a withdrawal that funded several suspects (or
// several payments) is listed once, with every traced part. An order is
// addressed to the exchange in country when the actor packs list it
// there, else in the first jurisdiction they give.
func Orders(country coinsift.Country, suspects []report.Suspect) []report.ProductionOrder {
	by := map[string]*report.ProductionOrder{}
	at := map[string]map[coinsift.TxID]int{} // exchange → txid → item index
	for _, s := range suspects {
		for _, src := range s.Sources {
			o := by[src.Exchange]
			if o == nil {
				o = &report.ProductionOrder{Exchange: src.Exchange, Label: src.Label, Jurisdictions: src.Jurisdictions,
					Jurisdiction: src.Jurisdiction}
				if slices.Contains(src.Jurisdictions, country) {
					o.Jurisdiction = country
				}
				by[src.Exchange] = o
				at[src.Exchange] = map[coinsift.TxID]int{}
			}
			for _, w := range src.Withdrawals {
				if i, ok := at[src.Exchange][w.TxID]; ok {
					o.Items[i] = mergeWithdrawal(o.Items[i], w)
					continue
				}
				at[src.Exchange][w.TxID] = len(o.Items)
				o.Items = append(o.Items, w)
			}
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
		Verified: coinsift.Money{Currency: rc.Currency}, Received: coinsift.Money{Currency: rc.Currency}}
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
	// Verified money alone, then each other status apart, then all that
	// arrived on chain (view account_totals, migration 150).
	var ver, rec, late, partial, mismatch, again sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT sum(verified_minor), sum(received_minor), sum(late_minor), sum(partial_minor),
		sum(mismatch_minor), sum(paid_again_minor) FROM account_totals`).Scan(&ver, &rec, &late, &partial, &mismatch, &again); err != nil {
		return s, fmt.Errorf("summary: %w", err)
	}
	s.Verified.Minor, s.Received.Minor = ver.Int64, rec.Int64
	value := map[string]int64{"late": late.Int64, "partial": partial.Int64, "amount_mismatch": mismatch.Int64, "paid_again": again.Int64}
	err := each(ctx, db, `SELECT status, count(*) FROM links
		WHERE status IN ('late', 'partial', 'amount_mismatch', 'paid_again', 'duplicate') GROUP BY 1`, nil, func(r *sql.Rows) error {
		var t report.StatusTotal
		if err := r.Scan(&t.Status, &t.Payments); err != nil {
			return err
		}
		t.Value = coinsift.Money{Minor: value[t.Status], Currency: rc.Currency}
		s.ByStatus = append(s.ByStatus, t)
		return nil
	})
	if err != nil {
		return s, fmt.Errorf("summary by status: %w", err)
	}
	order := map[string]int{"late": 0, "partial": 1, "amount_mismatch": 2, "paid_again": 3, "duplicate": 4}
	sort.Slice(s.ByStatus, func(i, j int) bool { return order[s.ByStatus[i].Status] < order[s.ByStatus[j].Status] })
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
	err = each(ctx, db, `SELECT strftime(o.block_time, '%Y-%m'), count(DISTINCT (o.evidence_id, o.src_table, o.src_row)), coalesce(sum(v.value_minor), 0)
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
	err = each(ctx, db, `SELECT s.entity, count(DISTINCT s.account_key), coalesce(sum(t.received_minor * s.share), 0)
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
