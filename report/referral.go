package report

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/coinsift/coinsift"
)

// SuspectsFormat identifies the suspects.json layout.
// Version 2 replaced "paid" (money received on chain, named as if verified)
// by "received" and the money of each link status apart.
const SuspectsFormat = "coinsift-suspects/2"

// WriteReferral writes the referral package for r.Country into
// dir/<CC>/ and returns its manifest (also written as manifest.json).
//
// The package holds suspects.csv, suspects.xlsx and suspects.json, one
// evidence sheet per suspect (evidence/<rank>-<person>.pdf), one production
// order draft per exchange (orders/<exchange>.pdf) and, only when
// r.VictimsAllowed and victims are not redacted, victims.csv.
//
// The package is built in a temporary sibling directory and renamed into
// place, so dir/<CC> is either absent or complete. WriteReferral refuses to
// replace an existing dir/<CC> (coinsift.ErrExists). A country that is not
// two letters A–Z or an unknown redaction field is coinsift.ErrInvalid;
// cancellation is coinsift.ErrCanceled.
func WriteReferral(ctx context.Context, dir string, c Case, r Referral, red Redaction) (Manifest, error) {
	cc := string(r.Country)
	if len(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z' {
		return Manifest{}, fmt.Errorf("write referral: country %q: %w", truncRunes(cc, 20), coinsift.ErrInvalid)
	}
	rd, err := parseRedaction(red)
	if err != nil {
		return Manifest{}, fmt.Errorf("write referral %s: %w", cc, err)
	}
	if err := canceled(ctx); err != nil {
		return Manifest{}, err
	}
	r = normalise(r, rd)
	w, err := newPkgWriter(filepath.Join(dir, cc))
	if err != nil {
		return Manifest{}, fmt.Errorf("write referral %s: %w", cc, err)
	}
	m, err := writeReferral(ctx, w, c, r, rd)
	if err != nil {
		w.abort()
		return Manifest{}, fmt.Errorf("write referral %s: %w", cc, err)
	}
	return m, nil
}

func writeReferral(ctx context.Context, w *pkgWriter, c Case, r Referral, rd redaction) (Manifest, error) {
	// The evidence sheets take most of the time and use every core; the
	// tables, orders and victims are written meanwhile, on one goroutine.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu    sync.Mutex
		first error
	)
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		if first == nil && err != nil {
			first = err
			cancel()
		}
	}
	var wg sync.WaitGroup
	wg.Go(func() { fail(writeTables(ctx, w, c, r, rd)) })
	fail(writeEvidenceSheets(ctx, w, c, r))
	wg.Wait()
	if first != nil {
		return Manifest{}, first
	}
	m := newManifest("referral", c)
	m.Country, m.Agency, m.Redacted = r.Country, r.Agency, rd.list()
	return w.finish(m)
}

// writeTables writes everything in a referral package but the evidence
// sheets: suspects.csv, .json and .xlsx, the production orders and, when
// allowed, victims.csv.
func writeTables(ctx context.Context, w *pkgWriter, c Case, r Referral, rd redaction) error {
	data, err := suspectsCSV(r.Suspects)
	if err != nil {
		return err
	}
	if err := w.write("suspects.csv", data); err != nil {
		return err
	}
	if err := canceled(ctx); err != nil {
		return err
	}
	if err := w.stream("suspects.json", func(out io.Writer) error { return writeSuspectsJSON(out, c, r, rd) }); err != nil {
		return err
	}
	if err := canceled(ctx); err != nil {
		return err
	}
	if data, err = suspectsXLSX(c, r); err != nil {
		return fmt.Errorf("suspects.xlsx: %w", err)
	}
	if err := w.write("suspects.xlsx", data); err != nil {
		return err
	}
	for _, o := range r.Orders {
		if err := canceled(ctx); err != nil {
			return err
		}
		name := "orders/" + fileName(o.Exchange) + ".pdf"
		if data, err = orderPDF(c, r, o); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := w.write(name, data); err != nil {
			return err
		}
	}
	if r.VictimsAllowed && !rd.has("victims") {
		if data, err = victimsCSV(r.Victims); err != nil {
			return err
		}
		if err := w.write("victims.csv", data); err != nil {
			return err
		}
	}
	return nil
}

// sheetWindow bounds how many rendered evidence sheets wait to be written.
const sheetWindow = 64

// writeEvidenceSheets renders the suspects' evidence sheets on every core
// and writes them in rank order as they complete (the bytes of each sheet
// depend on its suspect only, so the package is the same whatever the
// scheduling). Each worker keeps its own deflater; at most sheetWindow
// sheets are held in memory.
func writeEvidenceSheets(ctx context.Context, w *pkgWriter, c Case, r Referral) error {
	type sheet struct {
		name string
		pdf  []byte
		err  error
	}
	ss := r.Suspects
	// Sheet i travels through ring[i%len(ring)]; a worker waits there
	// until the writer has taken sheet i-sheetWindow.
	ring := make([]chan sheet, min(sheetWindow, len(ss)))
	for i := range ring {
		ring[i] = make(chan sheet, 1)
	}
	next := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(stop)
	wg.Go(func() {
		defer close(next)
		for i := range ss {
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	})
	for range min(max(1, runtime.GOMAXPROCS(0)), len(ss)) {
		wg.Go(func() {
			z := new(deflater)
			for i := range next {
				var sh sheet
				sh.name = fmt.Sprintf("evidence/%04d-%s.pdf", ss[i].Rank, fileName(ss[i].Person))
				sh.pdf, sh.err = evidencePDF(z, c, r, ss[i])
				select {
				case ring[i%len(ring)] <- sh:
				case <-stop:
					return
				}
			}
		})
	}
	for i := range ss {
		if err := canceled(ctx); err != nil {
			return err
		}
		var sh sheet
		select {
		case sh = <-ring[i%len(ring)]:
		case <-ctx.Done():
			return canceled(ctx)
		}
		if sh.err != nil {
			return fmt.Errorf("%s: %w", sh.name, sh.err)
		}
		if err := w.write(sh.name, sh.pdf); err != nil {
			return err
		}
	}
	return nil
}

type redaction map[string]bool

func parseRedaction(red Redaction) (redaction, error) {
	rd := redaction{}
	for _, f := range red.Fields {
		f = strings.ToLower(strings.TrimSpace(f))
		if !slices.Contains(RedactionFields, f) {
			return nil, fmt.Errorf("redaction field %q (want one of %s): %w",
				truncRunes(f, 40), strings.Join(RedactionFields, ", "), coinsift.ErrInvalid)
		}
		rd[f] = true
	}
	return rd, nil
}

func (rd redaction) has(f string) bool { return rd[f] }

func (rd redaction) list() []string {
	var l []string
	for f := range rd {
		l = append(l, f)
	}
	sort.Strings(l)
	return l
}

func redactAll(v []string, on bool) []string {
	if !on || len(v) == 0 {
		return v
	}
	out := make([]string, len(v))
	for i := range out {
		out[i] = redacted
	}
	return out
}

// signalField maps a placement signal's kind to the redaction field that
// hides its value.
func signalField(kind string) string {
	k := strings.ToLower(kind)
	switch {
	case strings.Contains(k, "email"):
		return "email"
	case strings.Contains(k, "phone"):
		return "phone"
	case strings.Contains(k, "ip"):
		return "ip"
	}
	return ""
}

// normalise returns a copy of r in canonical order with redaction applied;
// the caller's slices are not modified.
func normalise(r Referral, rd redaction) Referral {
	out := r
	out.Suspects = make([]Suspect, len(r.Suspects))
	for i, s := range r.Suspects {
		s.Accounts = slices.Clone(s.Accounts)
		for j, a := range s.Accounts {
			a.Emails = redactAll(a.Emails, rd.has("email"))
			a.Phones = redactAll(a.Phones, rd.has("phone"))
			a.IPs = redactAll(a.IPs, rd.has("ip"))
			if rd.has("username") {
				a.Username = redacted
			}
			s.Accounts[j] = a
		}
		s.Placement = slices.Clone(s.Placement)
		for j, g := range s.Placement {
			if f := signalField(g.Kind); f != "" && rd.has(f) {
				s.Placement[j].Value = redacted
			}
		}
		s.OtherAccounts = redactAll(s.OtherAccounts, rd.has("username"))
		s.Payments = slices.Clone(s.Payments)
		slices.SortStableFunc(s.Payments, func(a, b Payment) int {
			return cmp.Or(a.BlockTime.Compare(b.BlockTime), cmp.Compare(a.TxID.String(), b.TxID.String()), cmp.Compare(a.Vout, b.Vout))
		})
		out.Suspects[i] = s
	}
	slices.SortStableFunc(out.Suspects, func(a, b Suspect) int {
		return cmp.Or(cmp.Compare(a.Rank, b.Rank), cmp.Compare(a.Person, b.Person))
	})
	out.Orders = slices.Clone(r.Orders)
	for i, o := range out.Orders {
		o.Items = slices.Clone(o.Items)
		slices.SortStableFunc(o.Items, func(a, b Withdrawal) int {
			return cmp.Or(a.Time.Compare(b.Time), cmp.Compare(a.TxID.String(), b.TxID.String()), cmp.Compare(a.Address, b.Address))
		})
		out.Orders[i] = o
	}
	slices.SortStableFunc(out.Orders, func(a, b ProductionOrder) int {
		return cmp.Or(cmp.Compare(a.Exchange, b.Exchange), cmp.Compare(a.Jurisdiction, b.Jurisdiction))
	})
	out.Victims = slices.Clone(r.Victims)
	slices.SortStableFunc(out.Victims, func(a, b Victim) int { return cmp.Compare(a.E164, b.E164) })
	return out
}

// SuspectColumns are the columns of suspects.csv and of the Suspects sheet
// of suspects.xlsx, in order. "received" is the money that arrived on
// chain; the last six columns keep each link status apart ("verified" is
// verified alone). They come last so that the columns before keep their
// places.
var SuspectColumns = []string{
	"rank", "person", "country", "confidence", "conflicts", "received", "currency",
	"payments", "paid_btc", "calls", "victims", "score", "usernames", "account_keys",
	"emails", "phones", "ips", "funding_exchanges", "reasons", "other_accounts",
	"verified", "verified_payments", "late", "partial", "amount_mismatch", "paid_again",
}

const sep = "; "

func suspectRow(s Suspect) []string {
	var users, keys, emails, phones, ips, ex []string
	for _, a := range s.Accounts {
		users = append(users, a.Username)
		keys = append(keys, a.Key)
		emails = append(emails, a.Emails...)
		phones = append(phones, a.Phones...)
		ips = append(ips, a.IPs...)
	}
	for _, src := range s.Sources {
		ex = append(ex, fmt.Sprintf("%s (%s, %s)", src.Exchange, src.Jurisdiction, pct(src.Share)))
	}
	var total coinsift.Sats
	for _, p := range s.Payments {
		total += p.Sats
	}
	conf := make([]string, len(s.Conflicts))
	for i, c := range s.Conflicts {
		conf[i] = string(c)
	}
	return []string{
		strconv.Itoa(s.Rank), s.Person, string(s.Country), ffloat(s.Confidence), strings.Join(conf, sep),
		decimal(s.Received), s.Received.Currency, strconv.Itoa(len(s.Payments)), total.String(),
		strconv.Itoa(s.Calls), strconv.Itoa(s.Victims), ffloat(s.Score),
		strings.Join(users, sep), strings.Join(keys, sep), strings.Join(emails, sep),
		strings.Join(phones, sep), strings.Join(ips, sep), strings.Join(ex, sep),
		strings.Join(s.Reasons, sep), strings.Join(s.OtherAccounts, sep),
		decimal(s.Verified), strconv.Itoa(s.VerifiedPayments), decimal(s.Late), decimal(s.Partial),
		decimal(s.Mismatch), decimal(s.PaidAgain),
	}
}

func writeCSV(header []string, rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = false
	if err := w.Write(header); err != nil {
		return nil, err
	}
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, v := range row {
			safe[i] = cell(v)
		}
		if err := w.Write(safe); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

func suspectsCSV(ss []Suspect) ([]byte, error) {
	rows := make([][]string, len(ss))
	for i, s := range ss {
		rows[i] = suspectRow(s)
	}
	return writeCSV(SuspectColumns, rows)
}

// VictimColumns are the columns of victims.csv.
var VictimColumns = []string{"e164", "country", "calls", "longest_call_seconds", "first_call", "last_call", "organisations"}

func victimsCSV(vs []Victim) ([]byte, error) {
	rows := make([][]string, len(vs))
	for i, v := range vs {
		rows[i] = []string{v.E164, string(v.Country), strconv.Itoa(v.Calls),
			strconv.FormatInt(int64(v.LongestCall/time.Second), 10), rfc(v.FirstCall), rfc(v.LastCall),
			strings.Join(v.Organisations, sep)}
	}
	return writeCSV(VictimColumns, rows)
}

// suspectsFile is the layout of suspects.json.
type suspectsFile struct {
	Format     string           `json:"format"`
	Case       string           `json:"case"`
	Country    coinsift.Country `json:"country"`
	Agency     string           `json:"agency"`
	Generated  time.Time        `json:"generated"`
	Tool       string           `json:"tool"`
	Currency   string           `json:"currency"`
	Rule       string           `json:"rule"`
	RuleName   string           `json:"rule_name"`
	Redacted   []string         `json:"redacted,omitempty"`
	Heuristics []Heuristic      `json:"heuristics"`
	Notes      []string         `json:"notes,omitempty"`
	Suspects   []Suspect        `json:"suspects"`
}

// writeSuspectsJSON writes suspects.json to out: the bytes marshal gives
// for the whole suspectsFile, produced one suspect at a time so that a
// package of thousands of suspects never holds its JSON in memory twice.
func writeSuspectsJSON(out io.Writer, c Case, r Referral, rd redaction) error {
	h := c.Heuristics
	if h == nil {
		h = []Heuristic{}
	}
	head, err := marshal(suspectsFile{
		Format: SuspectsFormat, Case: c.Name, Country: r.Country, Agency: r.Agency,
		Generated: c.Generated.UTC(), Tool: tool(c), Currency: c.Currency, Rule: c.Rule, RuleName: c.RuleName,
		Redacted: rd.list(), Heuristics: h, Notes: c.Notes, Suspects: []Suspect{},
	})
	if err != nil {
		return err
	}
	// Suspects is the last field: its empty array closes the document.
	const empty = `  "suspects": []` + "\n}\n"
	head, ok := bytes.CutSuffix(head, []byte(empty))
	if !ok {
		return errors.New("suspects is not the last field of the file")
	}
	if len(r.Suspects) == 0 {
		_, err := out.Write(append(head, empty...))
		return err
	}
	if _, err := out.Write(append(head, `  "suspects": [`+"\n"...)); err != nil {
		return err
	}
	// Array elements sit two levels deep; Encoder ends each with "\n".
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("    ", "  ")
	for i, s := range r.Suspects {
		b.Reset()
		b.WriteString("    ")
		if err := enc.Encode(s); err != nil {
			return err
		}
		if i < len(r.Suspects)-1 {
			b.Truncate(b.Len() - 1)
			b.WriteString(",\n")
		}
		if _, err := out.Write(b.Bytes()); err != nil {
			return err
		}
	}
	_, err = io.WriteString(out, "  ]\n}\n")
	return err
}

func truncRunes(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
