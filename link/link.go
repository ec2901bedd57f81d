package link

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/chainindex"
)

// Status is the outcome of linking one recorded payment.
type Status string

// Statuses, in the order reports list them.
const (
	Verified         Status = "verified"           // paid the recorded amount within the window
	AmountMismatch   Status = "amount_mismatch"    // overpaid, or the recorded tx pays another amount
	Partial          Status = "partial"            // underpaid beyond the tolerance
	Late             Status = "late"               // paid the amount after the window
	Unpaid           Status = "unpaid"             // no output, and the service says so too
	NotFound         Status = "not_found"          // recorded txid absent, or no unused output to the address
	AddressNeverSeen Status = "address_never_seen" // the address has no output, yet the service says paid
	Duplicate        Status = "duplicate"          // another record of a payment already linked (same output)
	PaidAgain        Status = "paid_again"         // a further payment to a paid invoice's address by the cluster that paid it
)

// Statuses lists every status in report order.
var Statuses = []Status{Verified, AmountMismatch, Partial, Late, PaidAgain, Unpaid, NotFound, AddressNeverSeen, Duplicate}

// Paid reports whether the status means money arrived (verified, late,
// partial, amount mismatch or paid again): the payments that valuation and
// the payer trace consider.
func (s Status) Paid() bool {
	return s == Verified || s == Late || s == Partial || s == AmountMismatch || s == PaidAgain
}

// Key is a payment's provenance: the evidence file, the source table and the
// 1-based row it came from. It is the payment's stable identity.
type Key struct {
	Evidence string `json:"evidence_id"`
	Table    string `json:"src_table"`
	Row      int64  `json:"src_row"`
}

// String prints the key as a payment reference, EVIDENCE/TABLE#ROW: the
// one spelling coinsift prints everywhere (see ParseRef).
func (k Key) String() string { return fmt.Sprintf("%s/%s#%d", k.Evidence, k.Table, k.Row) }

// againSuffix joins a payment's source table and the number of a further
// payment in the key of a [PaidAgain] link.
const againSuffix = "+again"

// Again returns the key of the n-th (1-based) further payment to the
// invoice of payment k: the same evidence and row, the table suffixed
// "+again<n>" (invoices#12 → invoices+again1#12). The key never collides
// with a recorded payment's, so the original payment's key stays unique.
func (k Key) Again(n int) Key {
	return Key{Evidence: k.Evidence, Table: k.Table + againSuffix + strconv.Itoa(n), Row: k.Row}
}

// AgainOf returns the recorded payment whose invoice a [PaidAgain] key
// k was paid again for, and the number n of [Key.Again]; ok is false when
// k is a recorded payment's own key.
func (k Key) AgainOf() (orig Key, n int, ok bool) {
	i := strings.LastIndex(k.Table, againSuffix)
	if i < 0 {
		return k, 0, false
	}
	n, err := strconv.Atoi(k.Table[i+len(againSuffix):])
	if err != nil || n < 1 || strconv.Itoa(n) != k.Table[i+len(againSuffix):] {
		return k, 0, false
	}
	return Key{Evidence: k.Evidence, Table: k.Table[:i], Row: k.Row}, n, true
}

// Ref prints the key's table and row, TABLE#ROW: the short payment
// reference, enough when one evidence file holds the table.
func (k Key) Ref() string { return fmt.Sprintf("%s#%d", k.Table, k.Row) }

// ErrNotRef reports a string that is not a payment reference.
var ErrNotRef = errors.New("link: not a payment reference (TABLE#ROW or EVIDENCE/TABLE#ROW)")

// ParseRef reads a payment reference: EVIDENCE/TABLE#ROW or TABLE#ROW as
// coinsift prints them, and, for references written by earlier versions,
// TABLE:ROW and EVIDENCE/TABLE:ROW. Evidence is "" when the reference names
// none. ROW is a positive decimal number; anything else wraps ErrNotRef.
// A txid with an output number (TXID:VOUT) is not a reference: its "table"
// would be 64 hex digits, which no source table is named.
func ParseRef(s string) (Key, error) {
	i := strings.LastIndexAny(s, "#:")
	if i <= 0 || i == len(s)-1 {
		return Key{}, fmt.Errorf("%q: %w", s, ErrNotRef)
	}
	head, row := s[:i], s[i+1:]
	n, err := strconv.ParseInt(row, 10, 64)
	if err != nil || n < 1 || row[0] == '+' {
		return Key{}, fmt.Errorf("%q: row %q: %w", s, row, ErrNotRef)
	}
	ev, table, hasEv := strings.Cut(head, "/")
	if !hasEv {
		ev, table = "", head
	}
	if table == "" || (hasEv && ev == "") || strings.ContainsAny(table, "/#: ") || isHex64(table) {
		return Key{}, fmt.Errorf("%q: %w", s, ErrNotRef)
	}
	return Key{Evidence: ev, Table: table, Row: n}, nil
}

func isHex64(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// Less orders keys by evidence, table and row.
func (k Key) Less(o Key) bool {
	if k.Evidence != o.Evidence {
		return k.Evidence < o.Evidence
	}
	if k.Table != o.Table {
		return k.Table < o.Table
	}
	return k.Row < o.Row
}

// Payment is one payment as the seized database records it (the canonical
// payments table).
type Payment struct {
	Key     Key
	Account string
	Address string        // deposit address shown to the user
	Sats    coinsift.Sats // recorded amount; 0: unknown
	TxID    string        // recorded txid, "" if none
	Vout    int           // recorded output index, -1 if none
	Status  string        // the service's own status, as recorded
	Created time.Time     // invoice creation; zero: unknown
}

// Match is one output matched to a payment.
type Match struct {
	Output int64           `json:"output"` // chain index output number
	TxID   coinsift.TxID   `json:"txid"`
	Vout   int             `json:"vout"`
	Sats   coinsift.Sats   `json:"sats"`
	Height coinsift.Height `json:"height"`
	Time   time.Time       `json:"block_time"`
}

// Link is the outcome for one payment.
type Link struct {
	Key       Key           `json:"payment"`
	Account   string        `json:"account"`
	Address   string        `json:"address"`
	AddressID uint32        `json:"address_id"` // 0: not in the chain
	Status    Status        `json:"status"`
	By        string        `json:"matched_by,omitempty"` // txid or address
	Want      coinsift.Sats `json:"recorded_sats"`
	Paid      coinsift.Sats `json:"paid_sats"`
	Delta     coinsift.Sats `json:"delta_sats"` // paid - recorded
	Outputs   []Match       `json:"outputs"`
	Reason    string        `json:"reason"`
}

// Config holds the matching tolerances.
type Config struct {
	// ToleranceSats and TolerancePPM bound the accepted difference between
	// the recorded and the paid amount: max(ToleranceSats, amount ×
	// TolerancePPM / 10⁶).
	ToleranceSats coinsift.Sats
	TolerancePPM  int64
	// Window is how long after an invoice's creation a payment counts as on
	// time; Slack how much earlier than the creation a block may be stamped
	// (block times run up to two hours ahead of real time).
	Window time.Duration
	Slack  time.Duration
}

// DefaultConfig returns the defaults: max(1,000 sats, 0.5 %), a 72-hour
// window and two hours of slack.
func DefaultConfig() Config {
	return Config{ToleranceSats: 1000, TolerancePPM: 5000, Window: 72 * time.Hour, Slack: 2 * time.Hour}
}

// Validate reports settings that cannot work.
func (c Config) Validate() error {
	switch {
	case c.ToleranceSats < 0:
		return fmt.Errorf("link tolerance %d sats: must not be negative: %w", c.ToleranceSats, coinsift.ErrInvalid)
	case c.TolerancePPM < 0 || c.TolerancePPM > 1_000_000:
		return fmt.Errorf("link tolerance %d ppm: must be in [0, 10⁶]: %w", c.TolerancePPM, coinsift.ErrInvalid)
	case c.Window <= 0:
		return fmt.Errorf("link window %s: must be positive: %w", c.Window, coinsift.ErrInvalid)
	case c.Slack < 0:
		return fmt.Errorf("link slack %s: must not be negative: %w", c.Slack, coinsift.ErrInvalid)
	}
	return nil
}

// Describe names the settings, for the audit log.
func (c Config) Describe() string {
	return fmt.Sprintf("link/v1 tolerance=max(%d sats, %d ppm) window=%s slack=%s", c.ToleranceSats, c.TolerancePPM, c.Window, c.Slack)
}

func (c Config) tolerance(want coinsift.Sats) coinsift.Sats {
	return max(c.ToleranceSats, coinsift.Sats(int64(want)*c.TolerancePPM/1_000_000))
}

// Stats counts links by status.
type Stats struct {
	Payments   int            `json:"payments"` // recorded payments ([PaidAgain] links not included)
	ByStatus   map[Status]int `json:"by_status"`
	Unrecorded int            `json:"unrecorded_deposits"`
	// SelfTransfers counts the outputs to the service's addresses, not
	// matched to a payment, whose transaction spends service outputs: the
	// service's own change and transfers, never unrecorded deposits.
	SelfTransfers     int           `json:"self_transfers"`
	SelfTransferSats  coinsift.Sats `json:"self_transfer_sats"`
	ServiceAddresses  int           `json:"service_addresses"`
	ServiceRounds     int           `json:"service_rounds"`     // passes until the fixed point (or the bound)
	ServiceIncomplete bool          `json:"service_incomplete"` // the bound stopped the passes early
}

// Result is the outcome of [Run].
type Result struct {
	Config     Config       `json:"-"`
	Links      []Link       `json:"links"` // in payment key order
	Unrecorded []Deposit    `json:"unrecorded_deposits"`
	Wallet     []WalletPart `json:"service_wallet"`
	// Service is the service's own wallet, address by address, with why
	// each address is in it (see [ServiceAddress]).
	Service []ServiceAddress `json:"service_addresses"`
	Stats   Stats            `json:"stats"`
}

// Chain is what Run reads of the chain: the chain index implements it
// (tests use small chains held in memory).
type Chain interface {
	NumAddresses() int64
	AddressByString(s string) (uint32, error)
	AddressString(a uint32) string
	// AddressOutputs returns the outputs paying address a, ascending.
	AddressOutputs(a uint32) []int64
	TxByID(id coinsift.TxID) (int64, error)
	Tx(t int64) chainindex.Tx
	Input(i int64) chainindex.Input
	Output(o int64) chainindex.Output
	TxOfOutput(o int64) (int64, int)
	TxOfInput(i int64) (int64, int)
}

var _ Chain = (*chainindex.Index)(nil)

// Clustering is what Run needs of a stored clustering: address id → cluster
// id, indexable by every address id of the chain. nil: every address is its
// own cluster.
type Clustering []uint32

// unpaidWords are the seized statuses that say the invoice was not paid.
var unpaidWords = []string{"unpaid", "expired", "cancel", "pending", "await", "open", "new", "fail", "reject", "declin", "void", "0", "2"}

// saysUnpaid reports whether a seized status says the invoice was not paid.
func saysUnpaid(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return false
	}
	for _, w := range unpaidWords {
		if s == w || len(w) > 1 && strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Run links payments to the chain. It matches a payment by its recorded
// txid (and vout) when there is one — of several rows crediting one txid,
// the row it fits holds it and the others are double credits — else, and
// when the txid was typed wrong or cut short, at its deposit address: at
// an address several payments name, by the closest amount in each
// payment's window first (see span), then by the first unused outputs;
// payments to one address are served in creation order, and each output
// is assigned at most once. A further output to a paid invoice's address
// from a cluster that paid the invoice, or to an account's own address
// from anyone outside the service, becomes a [PaidAgain] link of that
// payment (see [Key.Again]).
// Then it clusters the service's own wallet from its spends (see
// [ServiceAddress]), lists the deposits to it from outside that no payment
// accounts for, counts the service's own transfers to it apart, and
// describes the wallet by stored cluster (see [WalletPart]).
func Run(ctx context.Context, x Chain, payments []Payment, cl Clustering, cfg Config, p coinsift.Progress) (*Result, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if p == nil {
		p = coinsift.NopProgress{}
	}
	p.SetTotal(int64(len(payments)))
	defer p.Done()
	ps := make([]Payment, len(payments))
	copy(ps, payments)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Key.Less(ps[j].Key) })
	res := &Result{Config: cfg, Links: make([]Link, len(ps)), Stats: Stats{Payments: len(ps), ByStatus: map[Status]int{}}}
	used := map[int64]bool{}
	owner := map[int64]int{} // output → the link that accounts for it
	for i := range ps {
		py := &ps[i]
		res.Links[i] = Link{Key: py.Key, Account: py.Account, Address: py.Address, Want: py.Sats, Outputs: []Match{}}
		if a, err := x.AddressByString(strings.TrimSpace(py.Address)); err == nil {
			res.Links[i].AddressID = a
		}
	}
	use := addressUse(ps, res.Links)
	var byAddr []int           // payments matched by address
	failed := map[int]string{} // payment → why its recorded txid did not match
	var credits []doubleCredit
	for n, i := range txidOrder(x, cfg, ps, res.Links) {
		if n%10000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		py := &ps[i]
		l := &res.Links[i]
		if strings.TrimSpace(py.TxID) == "" {
			byAddr = append(byAddr, i)
			continue
		}
		dc, fallBack := linkByTxID(x, cfg, py, l, used, owner, res.Links, ps, i)
		if dc != nil {
			credits = append(credits, *dc)
		}
		if fallBack && l.AddressID != 0 {
			// A txid typed wrong or cut short: look for the payment at
			// its address, by the txid's prefix or by amount and time.
			failed[i] = l.Reason
			*l = Link{Key: l.Key, Account: l.Account, Address: l.Address, AddressID: l.AddressID, Want: l.Want, Outputs: []Match{}}
			byAddr = append(byAddr, i)
			continue
		}
		p.Add(1)
	}
	// By address: per address in creation order, then by key.
	sort.SliceStable(byAddr, func(i, j int) bool {
		a, b := &ps[byAddr[i]], &ps[byAddr[j]]
		la, lb := res.Links[byAddr[i]].AddressID, res.Links[byAddr[j]].AddressID
		if la != lb {
			return la < lb
		}
		if !a.Created.Equal(b.Created) {
			return a.Created.Before(b.Created)
		}
		return a.Key.Less(b.Key)
	})
	// First the recorded txids cut short, then, at addresses several
	// payments share, every payment takes an output of its own amount in
	// its span; last the first unused outputs (see linkByAddress).
	done := map[int]bool{}
	for _, i := range byAddr {
		l := &res.Links[i]
		if _, ok := failed[i]; ok && l.AddressID != 0 {
			if byPrefix(x, cfg, &ps[i], l, used, owner, i) {
				done[i] = true
			}
		}
	}
	if err := amountPass(ctx, x, cfg, ps, res.Links, byAddr, use, done, used, owner); err != nil {
		return nil, err
	}
	var outs []int64
	var cur uint32
	var paidFor map[uint32]map[string]bool // at cur: paying cluster → accounts
	for n, i := range byAddr {
		if n%10000 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		l := &res.Links[i]
		if done[i] {
			p.Add(1)
			continue
		}
		if l.AddressID == 0 {
			l.Status, l.Reason = AddressNeverSeen, "the deposit address has no output in the chain"
			if saysUnpaid(ps[i].Status) {
				l.Status, l.Reason = Unpaid, fmt.Sprintf("the deposit address has no output in the chain and the service says %q", ps[i].Status)
			}
			p.Add(1)
			continue
		}
		u := use[l.AddressID]
		if n == 0 || l.AddressID != cur {
			cur, outs = l.AddressID, x.AddressOutputs(l.AddressID)
			paidFor = nil
			if u.accounts > 1 {
				paidFor = map[uint32]map[string]bool{}
				for _, j := range u.byTime {
					addPayers(x, cl, paidFor, &res.Links[j])
				}
			}
		}
		_, txFailed := failed[i]
		sp := span(cfg, ps, i, u)
		// At an address of several customers, a payment whose recorded
		// txid did not match is found by its amount alone: the first
		// unused output there may be another customer's. Nor is an output
		// from a wallet that paid another account's payment here, and none
		// of this account's, this payment's.
		if !(txFailed && u.accounts > 1) {
			var foreign func(o int64) bool
			if paidFor != nil {
				foreign = func(o int64) bool { return foreignTo(x, cl, paidFor, o, ps[i].Account) }
			}
			linkByAddress(x, cfg, &ps[i], l, outs[firstAt(x, outs, sp.from):], sp, foreign, used, owner, res.Links, ps, i)
			if paidFor != nil {
				addPayers(x, cl, paidFor, l)
			}
		}
		if len(l.Outputs) == 0 && l.Status == "" {
			l.Status, l.Reason = NotFound, "no unused output of the recorded amount to the address in the invoice's window"
			if saysUnpaid(ps[i].Status) {
				l.Status = Unpaid
				l.Reason += fmt.Sprintf(", and the service says %q", ps[i].Status)
			}
		}
		p.Add(1)
	}
	for i, why := range failed {
		l := &res.Links[i]
		if l.By != "txid_prefix" {
			l.Reason = why + "; " + l.Reason
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	topUp(x, cfg, ps, res.Links, used, owner)
	for _, dc := range credits {
		l := &res.Links[dc.holder]
		l.Reason += fmt.Sprintf("; its output is also credited to payment %s (account %s), counted here once", res.Links[dc.other].Key, res.Links[dc.other].Account)
	}
	res.Links = append(res.Links, paidAgain(x, cl, res.Links, used)...)
	svc, err := serviceWallet(ctx, x, res.Links, cl)
	if err != nil {
		return nil, err
	}
	res.Links = append(res.Links, ownAgain(x, cfg, ps, res.Links, use, svc, used)...)
	sort.SliceStable(res.Links, func(i, j int) bool { return res.Links[i].Key.Less(res.Links[j].Key) })
	for _, l := range res.Links {
		res.Stats.ByStatus[l.Status]++
	}
	res.Service = svc.list
	res.Stats.ServiceAddresses, res.Stats.ServiceRounds, res.Stats.ServiceIncomplete = len(svc.list), svc.rounds, svc.incomplete
	res.Unrecorded, res.Wallet = walletOf(ctx, x, svc, used, cl, &res.Stats)
	res.Stats.Unrecorded = len(res.Unrecorded)
	return res, nil
}

func match(x Chain, o int64) Match {
	t, vout := x.TxOfOutput(o)
	tx := x.Tx(t)
	return Match{Output: o, TxID: tx.TxID, Vout: vout, Sats: x.Output(o).Value, Height: tx.Height, Time: tx.Time}
}

// judge sets the status of a link with outputs from the amounts and times.
func judge(cfg Config, py *Payment, l *Link) {
	for _, m := range l.Outputs {
		l.Paid += m.Sats
	}
	l.Delta = l.Paid - l.Want
	tol := cfg.tolerance(l.Want)
	last := l.Outputs[len(l.Outputs)-1].Time
	switch {
	case l.Want > 0 && l.Delta < -tol:
		l.Status = Partial
		l.Reason = fmt.Sprintf("paid %s of %s BTC recorded: short by %s, beyond the tolerance of %s", l.Paid, l.Want, -l.Delta, tol)
	case l.Want > 0 && l.Delta > tol:
		l.Status = AmountMismatch
		l.Reason = fmt.Sprintf("paid %s BTC where %s was recorded: %s more, beyond the tolerance of %s", l.Paid, l.Want, l.Delta, tol)
	case !py.Created.IsZero() && last.After(py.Created.Add(cfg.Window)):
		l.Status = Late
		l.Reason = fmt.Sprintf("paid %s after the invoice was created, later than the %s window", last.Sub(py.Created).Round(time.Minute), cfg.Window)
	case saysUnpaid(py.Status):
		// The full amount arrived, but the service had given up on the
		// invoice: it was paid after the service's own deadline.
		l.Status = Late
		l.Reason = fmt.Sprintf("paid %s BTC in full, but the service recorded the invoice as %q: paid after its deadline", l.Paid, py.Status)
		if !py.Created.IsZero() {
			l.Reason += fmt.Sprintf(" (%s after creation)", last.Sub(py.Created).Round(time.Minute))
		}
	default:
		l.Status = Verified
		l.Reason = fmt.Sprintf("paid %s BTC (recorded %s, tolerance %s)", l.Paid, l.Want, tol)
		if l.Want == 0 {
			l.Reason = fmt.Sprintf("paid %s BTC (no amount recorded)", l.Paid)
		}
	}
}

// duplicateOf returns the link that already accounts for output o when it
// is another record of the same payment: same account, address, amount,
// creation time and recorded txid. (Two invoices that merely share an
// address and amount are not duplicates: the later one is not found.)
func duplicateOf(o int64, py *Payment, used map[int64]bool, owner map[int64]int, links []Link, ps []Payment) (*Link, bool) {
	if !used[o] {
		return nil, false
	}
	i := owner[o]
	q := &ps[i]
	same := q.Account == py.Account && q.Address == py.Address && q.Sats == py.Sats &&
		q.Created.Equal(py.Created) && strings.EqualFold(strings.TrimSpace(q.TxID), strings.TrimSpace(py.TxID))
	return &links[i], same
}

func markDuplicate(l *Link, other *Link) {
	l.Outputs = l.Outputs[:0]
	l.Paid = 0
	l.Status = Duplicate
	l.Reason = "a duplicate record: the output already accounts for payment " + other.Key.String()
}

// doubleCredit is a recorded txid whose outputs another payment already
// holds: the payment other credits the output holder already accounts for.
type doubleCredit struct{ holder, other int }

// linkByTxID links a payment by its recorded txid. fallBack is true when
// the txid is not a txid, is not in the chain or pays nothing to the
// address: typed wrong or cut short, the payment may still be found at
// its address. A txid whose outputs another payment (not another record
// of this one) already holds is a double credit: the output is counted
// once, this payment is a duplicate, and dc names both.
func linkByTxID(x Chain, cfg Config, py *Payment, l *Link, used map[int64]bool, owner map[int64]int, links []Link, ps []Payment, self int) (dc *doubleCredit, fallBack bool) {
	l.By = "txid"
	id, err := coinsift.ParseTxID(strings.ToLower(strings.TrimSpace(py.TxID)))
	if err != nil {
		l.Status, l.Reason = NotFound, fmt.Sprintf("recorded txid %q is not a txid", truncate(py.TxID))
		return nil, true
	}
	t, err := x.TxByID(id)
	if err != nil {
		l.Status, l.Reason = NotFound, "recorded txid "+id.String()+" is not in the chain"
		return nil, true
	}
	tx := x.Tx(t)
	holder := -1
	// One transaction may pay several invoices at one address (a batch
	// of an exchange's withdrawals to a static address): an unused output
	// of the recorded amount is this payment's alone.
	exact := -1
	if py.Vout < 0 && py.Sats > 0 && l.AddressID != 0 {
		tol := cfg.tolerance(py.Sats)
		for k := 0; k < tx.NumOutputs; k++ {
			o := tx.FirstOutput + int64(k)
			if out := x.Output(o); out.Addr == l.AddressID && !used[o] && out.Value-py.Sats >= -tol && out.Value-py.Sats <= tol {
				exact = k
				break
			}
		}
	}
	for k := 0; k < tx.NumOutputs; k++ {
		o := tx.FirstOutput + int64(k)
		if py.Vout >= 0 && k != py.Vout || exact >= 0 && k != exact {
			continue
		}
		if l.AddressID != 0 && x.Output(o).Addr != l.AddressID {
			continue
		}
		if l.AddressID == 0 && py.Vout < 0 {
			continue
		}
		if other, dup := duplicateOf(o, py, used, owner, links, ps); dup {
			markDuplicate(l, other)
			return nil, false
		}
		if used[o] {
			holder = owner[o]
			continue
		}
		l.Outputs = append(l.Outputs, match(x, o))
		used[o], owner[o] = true, self
	}
	if len(l.Outputs) == 0 && holder >= 0 {
		l.Status = Duplicate
		l.Reason = fmt.Sprintf("double credit: recorded tx %s, whose output to %s is already credited to payment %s (account %s); counted there once",
			id, py.Address, links[holder].Key, links[holder].Account)
		return &doubleCredit{holder: holder, other: self}, false
	}
	if len(l.Outputs) == 0 {
		l.Status = NotFound
		l.Reason = fmt.Sprintf("recorded tx %s pays nothing to %s", id, py.Address)
		if py.Vout >= 0 {
			l.Reason = fmt.Sprintf("recorded output %s:%d does not pay %s", id, py.Vout, py.Address)
		}
		return nil, true
	}
	judge(cfg, py, l)
	l.Reason = "recorded txid found; " + l.Reason
	return nil, false
}

// txidOrder returns the order in which payments are linked by txid: key
// order, except that of the payments recording one txid, those whose
// recorded amount and window the transaction's outputs to their address
// fit come first — so when one txid is credited to two rows, the row it
// paid holds it, not an admin's row given the same txid.
func txidOrder(x Chain, cfg Config, ps []Payment, links []Link) []int {
	order := make([]int, len(ps))
	byTx := map[string][]int{} // txid → places in order
	for i := range ps {
		order[i] = i
		if id := strings.ToLower(strings.TrimSpace(ps[i].TxID)); id != "" {
			byTx[id] = append(byTx[id], i)
		}
	}
	ids := make([]string, 0, len(byTx))
	for id, places := range byTx {
		if len(places) > 1 {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		places := byTx[id]
		members := append([]int(nil), places...)
		fit := map[int]int{}
		for _, i := range members {
			fit[i] = txFit(x, cfg, &ps[i], links[i].AddressID)
		}
		sort.SliceStable(members, func(a, b int) bool { return fit[members[a]] > fit[members[b]] })
		for k, pl := range places {
			order[pl] = members[k]
		}
	}
	return order
}

// txFit scores how well payment py's recorded txid fits it: 1 for the
// amount its outputs to the address pay, together or one alone (within
// the tolerance), 1 for their time in the window; 0 when the txid is not
// in the chain.
func txFit(x Chain, cfg Config, py *Payment, addr uint32) int {
	id, err := coinsift.ParseTxID(strings.ToLower(strings.TrimSpace(py.TxID)))
	if err != nil {
		return 0
	}
	t, err := x.TxByID(id)
	if err != nil {
		return 0
	}
	tx := x.Tx(t)
	tol := cfg.tolerance(py.Sats)
	fits := func(v coinsift.Sats) bool { return py.Sats > 0 && v-py.Sats >= -tol && v-py.Sats <= tol }
	var paid coinsift.Sats
	one := false // one output alone pays the amount
	for o := tx.FirstOutput; o < tx.FirstOutput+int64(tx.NumOutputs); o++ {
		if addr != 0 && x.Output(o).Addr == addr {
			paid += x.Output(o).Value
			one = one || fits(x.Output(o).Value)
		}
	}
	score := 0
	if one || fits(paid) {
		score++
	}
	if !py.Created.IsZero() && !tx.Time.Before(py.Created.Add(-cfg.Slack)) && !tx.Time.After(py.Created.Add(cfg.Window)) {
		score++
	}
	return score
}

// truncate bounds a seized string quoted in a reason.
func truncate(s string) string {
	const n = 80
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// minPrefix is the shortest recorded txid taken as the start of one:
// 8 hex digits, one chance in 4 billion that another transaction shares
// them, among the few that pay one address.
const minPrefix = 8

// byPrefix links a payment whose recorded txid is the start of a txid (a
// txid cut short when it was pasted): the unused outputs to its address
// of the one transaction whose txid starts so. It reports whether it
// linked; two transactions sharing the prefix link neither.
func byPrefix(x Chain, cfg Config, py *Payment, l *Link, used map[int64]bool, owner map[int64]int, self int) bool {
	pre := strings.ToLower(strings.TrimSpace(py.TxID))
	if len(pre) < minPrefix || len(pre) >= 64 || !isHex(pre) {
		return false
	}
	var hit []int64
	tx := int64(-1)
	for _, o := range x.AddressOutputs(l.AddressID) {
		if used[o] {
			continue
		}
		t, _ := x.TxOfOutput(o)
		if !strings.HasPrefix(x.Tx(t).TxID.String(), pre) {
			continue
		}
		if tx >= 0 && t != tx {
			return false
		}
		tx = t
		hit = append(hit, o)
	}
	if len(hit) == 0 {
		return false
	}
	for _, o := range hit {
		l.Outputs = append(l.Outputs, match(x, o))
		used[o], owner[o] = true, self
	}
	l.By = "txid_prefix"
	judge(cfg, py, l)
	l.Reason = fmt.Sprintf("recorded txid %q is the start of %s; %s", py.TxID, l.Outputs[0].TxID, l.Reason)
	return true
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// use is how the payments use one deposit address.
type use struct {
	rows     int   // payments naming it
	accounts int   // distinct accounts among them
	byTime   []int // its payments in creation order (then key order)
}

// addressUse counts, per deposit address, the payments and accounts that
// name it.
func addressUse(ps []Payment, links []Link) map[uint32]*use {
	out := map[uint32]*use{}
	accs := map[uint32]map[string]bool{}
	for i := range ps {
		a := links[i].AddressID
		if a == 0 {
			continue
		}
		u := out[a]
		if u == nil {
			u = &use{}
			out[a], accs[a] = u, map[string]bool{}
		}
		u.rows++
		u.byTime = append(u.byTime, i)
		accs[a][ps[i].Account] = true
	}
	for a, u := range out {
		u.accounts = len(accs[a])
		sort.SliceStable(u.byTime, func(i, j int) bool {
			p, q := &ps[u.byTime[i]], &ps[u.byTime[j]]
			if !p.Created.Equal(q.Created) {
				return p.Created.Before(q.Created)
			}
			return p.Key.Less(q.Key)
		})
	}
	return out
}

// window is where a payment's outputs may be: from (inclusive) to end
// (exclusive; zero: no end), and whether the first unused output there
// is the payment's even when it pays another amount.
type window struct {
	from, end time.Time
	// own: the address is one account's (several of its payments name
	// it, no other account's): its balance top-ups, which the service
	// may record after the money arrived.
	own bool
}

// span returns the window of payment i at an address used as u.
//   - from the creation minus the slack; at an address only this
//     payment's account uses for several payments (its own address, topped
//     up), from the creation minus the window: a service may record a
//     top-up once it is credited, after the money arrived;
//   - the first output within the window at an address several accounts
//     share (a later one is someone else's as likely as this one's);
//   - for an invoice the service says is unpaid (expired, cancelled) at
//     an address it handed on to another account's later invoice (an
//     address recycled after expiry), up to that invoice's creation.
func span(cfg Config, ps []Payment, i int, u *use) window {
	py := &ps[i]
	if py.Created.IsZero() {
		return window{}
	}
	w := window{from: py.Created.Add(-cfg.Slack)}
	if u == nil {
		return w
	}
	if u.accounts == 1 && u.rows > 1 {
		w.from, w.own = py.Created.Add(-cfg.Window), true
		return w
	}
	if u.accounts > 1 {
		w.end = py.Created.Add(cfg.Window)
		if saysUnpaid(py.Status) {
			for _, j := range u.byTime {
				q := &ps[j]
				if q.Account != py.Account && q.Created.After(py.Created) {
					if q.Created.Before(w.end) {
						w.end = q.Created
					}
					break
				}
			}
		}
	}
	return w
}

// topUp completes the payments that their recorded txid pays short: the
// outputs to the payment's address in its window that no payment accounts
// for (after every payment had its own) are the other parts of a payment
// made in several transactions, of which the service recorded one. The
// window reaches up to the recorded transaction when that came later.
func topUp(x Chain, cfg Config, ps []Payment, links []Link, used map[int64]bool, owner map[int64]int) {
	for i := range links {
		l, py := &links[i], &ps[i]
		if l.By != "txid" || l.Status != Partial || l.AddressID == 0 || py.Created.IsZero() {
			continue
		}
		// The window, or up to the recorded transaction when it came later.
		from, end := py.Created.Add(-cfg.Slack), py.Created.Add(cfg.Window)
		for _, m := range l.Outputs {
			if m.Time.After(end) {
				end = m.Time
			}
		}
		tol := cfg.tolerance(py.Sats)
		paid, added := l.Paid, 0
		outs := x.AddressOutputs(l.AddressID)
		for _, o := range outs[firstAt(x, outs, from):] {
			if paid >= py.Sats-tol {
				break
			}
			if used[o] {
				continue
			}
			m := match(x, o)
			if m.Time.Before(from) {
				continue
			}
			if m.Time.After(end) {
				break
			}
			l.Outputs = append(l.Outputs, m)
			used[o], owner[o] = true, i
			paid += m.Sats
			added++
		}
		if added == 0 {
			continue
		}
		sort.Slice(l.Outputs, func(a, b int) bool { return l.Outputs[a].Output < l.Outputs[b].Output })
		l.Paid = 0
		judge(cfg, py, l)
		l.Reason = fmt.Sprintf("recorded txid found, with %d other output(s) to the address up to it; %s", added, l.Reason)
	}
}

// timeSlop is how far a block's time may fall before an earlier block's:
// block times rise only on the median of the last eleven, and miners'
// clocks drift. Searches by time start this much early.
const timeSlop = 2 * time.Hour

// firstAt returns the index of the first output of outs (ascending, as
// the chain orders them) whose block may be stamped at t or later: a
// binary search, so that a payment at an address of thousands (one static
// address for everyone) does not read all outputs before its window.
func firstAt(x Chain, outs []int64, t time.Time) int {
	if t.IsZero() {
		return 0
	}
	t = t.Add(-timeSlop)
	return sort.Search(len(outs), func(k int) bool {
		tx, _ := x.TxOfOutput(outs[k])
		return !x.Tx(tx).Time.Before(t)
	})
}

// candidate is an output paying a payment's recorded amount in its
// window.
type candidate struct {
	off    coinsift.Sats // |paid − recorded|
	order  int           // the payment's place in creation order
	link   int
	output int64
}

// amountPass gives the payments at each address several payments name
// an output of their recorded amount (within the tolerance) in their
// window (see span), the closest amounts first, then the earlier
// payment, then the earlier output: a payment of 0.0781 BTC does not take
// the 0.0784 BTC another customer paid for an invoice of exactly that at
// one static address. A payment an earlier record of which already holds
// an output in its window takes none. Payments it links are marked done.
func amountPass(ctx context.Context, x Chain, cfg Config, ps []Payment, links []Link, byAddr []int, use map[uint32]*use, done map[int]bool, used map[int64]bool, owner map[int64]int) error {
	for lo := 0; lo < len(byAddr); {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := links[byAddr[lo]].AddressID
		hi := lo + 1
		for hi < len(byAddr) && links[byAddr[hi]].AddressID == a {
			hi++
		}
		group := byAddr[lo:hi]
		lo = hi
		if a == 0 || use[a].rows < 2 {
			continue
		}
		outs := x.AddressOutputs(a)
		var cands []candidate
		for order, i := range group {
			py := &ps[i]
			if done[i] || py.Sats <= 0 || py.Created.IsZero() {
				continue
			}
			w := span(cfg, ps, i, use[a])
			end := py.Created.Add(cfg.Window)
			if !w.end.IsZero() && w.end.Before(end) {
				end = w.end
			}
			tol := cfg.tolerance(py.Sats)
			var mine []candidate
			blocked := false
			for _, o := range outs[firstAt(x, outs, w.from):] {
				m := match(x, o)
				if m.Time.Before(w.from) {
					continue
				}
				if m.Time.After(end) || !w.end.IsZero() && !m.Time.Before(w.end) {
					break
				}
				if used[o] {
					if _, dup := duplicateOf(o, py, used, owner, links, ps); dup {
						blocked = true
						break
					}
					continue
				}
				if d := m.Sats - py.Sats; d >= -tol && d <= tol {
					mine = append(mine, candidate{off: max(d, -d), order: order, link: i, output: o})
				}
			}
			if !blocked {
				cands = append(cands, mine...)
			}
		}
		sort.Slice(cands, func(i, j int) bool {
			p, q := cands[i], cands[j]
			if p.off != q.off {
				return p.off < q.off
			}
			if p.order != q.order {
				return p.order < q.order
			}
			return p.output < q.output
		})
		for _, c := range cands {
			if done[c.link] || used[c.output] {
				continue
			}
			l := &links[c.link]
			l.By = "address"
			l.Outputs = append(l.Outputs, match(x, c.output))
			used[c.output], owner[c.output] = true, c.link
			judge(cfg, &ps[c.link], l)
			done[c.link] = true
		}
	}
	return nil
}

// addPayers records in paidFor the clusters that paid link l's outputs,
// for l's account.
func addPayers(x Chain, cl Clustering, paidFor map[uint32]map[string]bool, l *Link) {
	for _, m := range l.Outputs {
		t, _ := x.TxOfOutput(m.Output)
		for _, c := range payers(x, cl, t) {
			if paidFor[c] == nil {
				paidFor[c] = map[string]bool{}
			}
			paidFor[c][l.Account] = true
		}
	}
}

// foreignTo reports whether output o comes from a wallet that paid
// another account's payment at the address (paidFor) and none of
// account's: at an address several customers share, the other customer's
// further payment, not this one's.
func foreignTo(x Chain, cl Clustering, paidFor map[uint32]map[string]bool, o int64, account string) bool {
	t, _ := x.TxOfOutput(o)
	other := false
	for _, c := range payers(x, cl, t) {
		accs := paidFor[c]
		if accs[account] {
			return false
		}
		if len(accs) > 0 {
			other = true
		}
	}
	return other
}

// linkByAddress links a payment to the first unused outputs to its
// address in its window w (see span), until they reach the recorded
// amount, passing over those foreign reports (nil: none); later outputs
// top a short payment up only within cfg's window.
// (At an address several payments share, each has already taken an output
// of its own amount when there was one.)
func linkByAddress(x Chain, cfg Config, py *Payment, l *Link, outs []int64, w window, foreign func(int64) bool, used map[int64]bool, owner map[int64]int, links []Link, ps []Payment, self int) {
	l.By = "address"
	tol := cfg.tolerance(py.Sats)
	var dupOf *Link
	for _, o := range outs {
		if used[o] {
			if other, dup := duplicateOf(o, py, used, owner, links, ps); dup && dupOf == nil && !match(x, o).Time.Before(w.from) {
				dupOf = other
			}
			continue
		}
		m := match(x, o)
		if m.Time.Before(w.from) {
			continue
		}
		if !w.end.IsZero() && !m.Time.Before(w.end) {
			break
		}
		// Later outputs top up a short payment only within the window.
		if len(l.Outputs) > 0 && !py.Created.IsZero() && m.Time.After(py.Created.Add(cfg.Window)) {
			break
		}
		// At an address of several accounts, an output of more than the
		// payment still lacks is another customer's as likely as an
		// overpayment: it takes only the parts of a short payment.
		if !w.end.IsZero() && py.Sats > 0 && m.Sats > py.Sats-l.Paid+tol {
			continue
		}
		if foreign != nil && foreign(o) {
			continue
		}
		l.Outputs = append(l.Outputs, m)
		used[o], owner[o] = true, self
		l.Paid += m.Sats
		if py.Sats == 0 || l.Paid >= py.Sats-tol {
			break
		}
	}
	l.Paid = 0
	if len(l.Outputs) == 0 && dupOf != nil {
		markDuplicate(l, dupOf)
		return
	}
	if len(l.Outputs) == 0 {
		l.Status, l.Reason = NotFound, "no unused output to the address from the invoice's creation on"
		if !w.end.IsZero() {
			l.Reason = fmt.Sprintf("no unused output to the address in the invoice's window (to %s)", w.end.UTC().Format(time.RFC3339))
		}
		if saysUnpaid(py.Status) {
			l.Status = Unpaid
			l.Reason += fmt.Sprintf(", and the service says %q", py.Status)
		}
		return
	}
	judge(cfg, py, l)
}
