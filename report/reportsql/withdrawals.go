package reportsql

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/price"
	"github.com/coinsift/coinsift/price/pricedb"
	"github.com/coinsift/coinsift/report"
	"github.com/coinsift/coinsift/value"
)

// withdrawal is what the chain tables say about one exchange withdrawal.
type withdrawal struct {
	height    coinsift.Height
	time      time.Time
	exchange  []string                // input addresses, in input order, distinct
	receiving map[payKey][]recvOutput // per traced payment: W's outputs on its path
	rate      rateInfo                // the case currency per BTC at time
}

// payKey identifies a seized payment.
type payKey struct {
	evidence, table string
	row             int64
}

// recvOutput is one output of a withdrawal on the path to a payment.
type recvOutput struct {
	vout    int64
	sats    int64
	address string
}

// rateInfo is the rate a withdrawal is valued at, or why there is none.
type rateInfo struct {
	rate     price.Decimal
	source   string
	time     time.Time
	evidence string
	problem  string
}

// actor is an exchange as the actor packs describe it.
type actor struct {
	label         string
	jurisdictions []coinsift.Country
}

// loadWithdrawals reads, for the exchange sources of the given accounts'
// payments, each withdrawal transaction's block time, the exchange's
// sending addresses and the outputs that carried money on to each payment,
// from the chain tables; then values the withdrawals with the case's price
// book, the way the last 'coinsift value' run valued payments.
//
// A withdrawal's receiving outputs are found by walking back from the
// payment's transaction through the transactions that funded it, at most
// the source's hop count deep, and keeping the withdrawal's outputs that
// one of them spent (for a withdrawal at hop 1, the payment's own outputs).
// The walk only visits transactions at or after the withdrawal (the
// chain index numbers transactions in chain order), which bounds it.
func (l *Loader) loadWithdrawals(ctx context.Context, db *sql.DB, keys []string) error {
	l.withdrawals = map[string]*withdrawal{}
	err := each(ctx, db, `SELECT t.txid, t.height, t.time FROM chain_txs t
		WHERE t.txid IN (SELECT DISTINCT s.txid FROM payment_sources s JOIN payment_payers pp USING (evidence_id, src_table, src_row)
			WHERE pp.account_key IN `+inList+` AND s.category = 'exchange')`, []any{keys}, func(r *sql.Rows) error {
		w := &withdrawal{receiving: map[payKey][]recvOutput{}}
		var txid string
		if err := r.Scan(&txid, &w.height, &w.time); err != nil {
			return err
		}
		w.time = w.time.UTC()
		l.withdrawals[txid] = w
		return nil
	})
	if err != nil {
		return fmt.Errorf("withdrawals: %w", err)
	}
	err = each(ctx, db, `SELECT t.txid, a.address FROM chain_txs t
		JOIN chain_inputs i ON i.tx = t.tx
		JOIN chain_outputs o ON o.output = i.spent_output
		JOIN chain_addresses a ON a.address_id = o.address_id
		WHERE t.txid IN (SELECT DISTINCT s.txid FROM payment_sources s JOIN payment_payers pp USING (evidence_id, src_table, src_row)
			WHERE pp.account_key IN `+inList+` AND s.category = 'exchange')
		ORDER BY t.txid, i.vin`, []any{keys}, func(r *sql.Rows) error {
		var txid, addr string
		if err := r.Scan(&txid, &addr); err != nil {
			return err
		}
		if w := l.withdrawals[txid]; w != nil && !slices.Contains(w.exchange, addr) {
			w.exchange = append(w.exchange, addr)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("withdrawal inputs: %w", err)
	}
	err = each(ctx, db, `WITH RECURSIVE
		pairs AS (
			SELECT DISTINCT s.evidence_id, s.src_table, s.src_row, s.hops, w.tx AS wtx
			FROM payment_sources s JOIN payment_payers pp USING (evidence_id, src_table, src_row)
			JOIN chain_txs w ON w.txid = s.txid
			WHERE pp.account_key IN `+inList+` AND s.category = 'exchange'),
		anc(evidence_id, src_table, src_row, hops, wtx, tx, d) AS (
			SELECT DISTINCT p.evidence_id, p.src_table, p.src_row, p.hops, p.wtx, t.tx, 1
			FROM pairs p JOIN link_outputs lo USING (evidence_id, src_table, src_row) JOIN chain_txs t ON t.txid = lo.txid
			UNION
			SELECT a.evidence_id, a.src_table, a.src_row, a.hops, a.wtx, o.tx, a.d + 1
			FROM anc a JOIN chain_inputs i ON i.tx = a.tx JOIN chain_outputs o ON o.output = i.spent_output
			WHERE a.d < a.hops - 1 AND a.tx <> a.wtx AND o.tx > a.wtx),
		recv AS (
			SELECT p.evidence_id, p.src_table, p.src_row, p.wtx, lo.output
			FROM pairs p JOIN link_outputs lo USING (evidence_id, src_table, src_row) JOIN chain_outputs o ON o.output = lo.output
			WHERE o.tx = p.wtx
			UNION
			SELECT a.evidence_id, a.src_table, a.src_row, a.wtx, o.output
			FROM anc a JOIN chain_inputs i ON i.tx = a.tx JOIN chain_outputs o ON o.output = i.spent_output
			WHERE o.tx = a.wtx)
		SELECT r.evidence_id, r.src_table, r.src_row, t.txid, o.vout, o.value, coalesce(ad.address, '')
		FROM recv r JOIN chain_outputs o USING (output) JOIN chain_txs t ON t.tx = r.wtx
		LEFT JOIN chain_addresses ad ON ad.address_id = o.address_id
		ORDER BY t.txid, r.evidence_id, r.src_table, r.src_row, o.vout`, []any{keys}, func(r *sql.Rows) error {
		var k payKey
		var txid string
		var o recvOutput
		if err := r.Scan(&k.evidence, &k.table, &k.row, &txid, &o.vout, &o.sats, &o.address); err != nil {
			return err
		}
		if w := l.withdrawals[txid]; w != nil {
			w.receiving[k] = append(w.receiving[k], o)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("withdrawal outputs: %w", err)
	}
	if len(l.withdrawals) == 0 {
		return nil
	}
	return l.valueWithdrawals(ctx, db)
}

// valueWithdrawals finds the rate of every withdrawal at its block time
// with the case's price book and the method and tolerance of the case's
// last 'coinsift value' run (value.DefaultConfig when there was none).
func (l *Loader) valueWithdrawals(ctx context.Context, db *sql.DB) error {
	cfg := value.DefaultConfig()
	cfg.Currency = l.currency
	var settings sql.NullString
	err := db.QueryRowContext(ctx, `SELECT settings FROM value_runs ORDER BY created_at DESC LIMIT 1`).Scan(&settings)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("value settings: %w", err)
	}
	for _, f := range strings.Fields(settings.String) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "method":
			if m, err := price.ParseMethod(v); err == nil {
				cfg.Method = m
			}
		case "tolerance":
			if d, err := time.ParseDuration(v); err == nil && d > 0 {
				cfg.Tolerance = d
			}
		}
	}
	book, err := pricedb.LoadBook(ctx, db, nil)
	if err != nil {
		return err
	}
	v, err := value.NewValuer(book, cfg)
	if err != nil {
		return fmt.Errorf("value withdrawals: %w", err)
	}
	for txid, w := range l.withdrawals {
		val, err := v.Value(ctx, value.Item{TxID: txid, Sats: coinsift.SatsPerBTC, Time: w.time})
		switch {
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return err
		case err != nil:
			w.rate.problem = err.Error()
		default:
			w.rate = rateInfo{rate: val.Rate, source: val.Source + " (" + string(val.Method) + ")", time: val.RateTime.UTC(), evidence: val.RateEvidence}
		}
	}
	return nil
}

// loadActors reads the label and jurisdictions of every actor; an id
// listed by several packs gets the union of their jurisdictions, in the
// order of the packs.
func (l *Loader) loadActors(ctx context.Context, db *sql.DB) error {
	l.actors = map[string]actor{}
	err := each(ctx, db, `SELECT id, label, jurisdictions FROM actors ORDER BY id, evidence_id, row_no`, nil, func(r *sql.Rows) error {
		var id, label, js string
		if err := r.Scan(&id, &label, &js); err != nil {
			return err
		}
		a, ok := l.actors[id]
		if !ok {
			a.label = label
		}
		for _, j := range strings.Split(js, ",") {
			j = strings.ToUpper(strings.TrimSpace(j))
			if len(j) == 2 && !slices.Contains(a.jurisdictions, coinsift.Country(j)) {
				a.jurisdictions = append(a.jurisdictions, coinsift.Country(j))
			}
		}
		l.actors[id] = a
		return nil
	})
	if err != nil {
		return fmt.Errorf("actors: %w", err)
	}
	return nil
}

// actor returns the actor an entity of the trace names: by id, else by
// label (case-insensitively).
func (l *Loader) actor(entity string) actor {
	if a, ok := l.actors[entity]; ok {
		return a
	}
	for _, id := range slices.Sorted(maps.Keys(l.actors)) {
		if a := l.actors[id]; strings.EqualFold(a.label, entity) {
			return a
		}
	}
	return actor{}
}

// loadModel reads the trace model of the case's last 'coinsift trace
// payers' run ("haircut" when none is recorded).
func (l *Loader) loadModel(ctx context.Context, db *sql.DB) error {
	l.model = "haircut"
	var settings sql.NullString
	err := db.QueryRowContext(ctx, `SELECT settings FROM payer_runs ORDER BY created_at DESC LIMIT 1`).Scan(&settings)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("trace settings: %w", err)
	}
	for _, f := range strings.Fields(settings.String) {
		if m, ok := strings.CutPrefix(f, "model="); ok && m != "" {
			l.model = m
		}
	}
	return nil
}

// withdrawalOf builds the report's view of withdrawal txid as it funded
// the payments traced: the receiving outputs on their paths, the amount
// withdrawn to them and its value, and the traced parts.
func (l *Loader) withdrawalOf(txid string, traced []report.Traced, paid []payKey) report.Withdrawal {
	id, _ := coinsift.ParseTxID(txid)
	out := report.Withdrawal{TxID: id, Model: l.model, Traced: traced}
	for _, t := range traced {
		out.TracedSats += t.Sats
	}
	if len(traced) > 0 {
		out.Person, out.Account = traced[0].Person, traced[0].Account
	}
	w := l.withdrawals[txid]
	if w == nil {
		return out
	}
	out.Height, out.Time = w.height, w.time
	out.ExchangeAddresses = slices.Clone(w.exchange)
	for _, k := range paid {
		for _, o := range w.receiving[k] {
			out.Outputs = append(out.Outputs, report.WithdrawalOutput{Vout: uint32(o.vout), Address: o.address, Sats: coinsift.Sats(o.sats)})
		}
	}
	if w.rate.problem != "" {
		out.RateProblem = w.rate.problem
	} else {
		out.Rate, out.RateSource, out.RateTime, out.RateEvidence = w.rate.rate.String(), w.rate.source, w.rate.time, w.rate.evidence
	}
	settle(&out, l.currency)
	return out
}

// settle puts w's outputs in vout order without repeats and sets what
// follows from them: the amount withdrawn, the receiving addresses and
// the value at w.Rate.
func settle(w *report.Withdrawal, currency string) {
	slices.SortFunc(w.Outputs, func(a, b report.WithdrawalOutput) int { return cmp.Compare(a.Vout, b.Vout) })
	w.Outputs = slices.CompactFunc(w.Outputs, func(a, b report.WithdrawalOutput) bool { return a.Vout == b.Vout })
	w.Sats, w.ReceivingAddresses, w.Address = 0, nil, ""
	for _, o := range w.Outputs {
		w.Sats += o.Sats
		a := o.Address
		if a == "" {
			a = "output " + strconv.FormatUint(uint64(o.Vout), 10) + " (no address)"
		}
		if !slices.Contains(w.ReceivingAddresses, a) {
			w.ReceivingAddresses = append(w.ReceivingAddresses, a)
		}
	}
	if len(w.ReceivingAddresses) > 0 {
		w.Address = w.ReceivingAddresses[0]
	}
	w.Value = coinsift.Money{Currency: currency}
	if r, err := price.ParseDecimal(w.Rate); err == nil && w.Rate != "" {
		w.Value.Minor = value.Minor(w.Sats, r, value.MinorDigits(currency))
	}
}

// mergeWithdrawal merges two rows of one withdrawal txid (seen from two
// suspects, or two exchanges' sources of one suspect): the union of
// their receiving outputs and every traced part.
func mergeWithdrawal(a, b report.Withdrawal) report.Withdrawal {
	out := a
	out.Outputs = append(slices.Clone(a.Outputs), b.Outputs...)
	out.Traced = append(slices.Clone(a.Traced), b.Traced...)
	out.TracedSats = a.TracedSats + b.TracedSats
	settle(&out, a.Value.Currency)
	return out
}
