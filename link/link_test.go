package link_test

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/internal/worldtest"
	"github.com/coinsift/coinsift/link"
	"github.com/coinsift/coinsift/world"
)

func TestMain(m *testing.M) {
	code := m.Run()
	worldtest.Cleanup()
	os.Exit(code)
}

// worldPayments reads the world's seized invoices (schema variant 0) as
// canonical payments, as 'seized load --mapping' would.
func worldPayments(tb testing.TB, dir string) []link.Payment {
	tb.Helper()
	f, err := os.Open(filepath.Join(dir, "seized", "csv", "invoices.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	var ps []link.Payment
	for n := 0; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		if n == 0 {
			continue
		}
		id, _ := strconv.ParseInt(rec[0], 10, 64)
		btc := strings.Replace(rec[4], ".", "", 1)
		sats, _ := strconv.ParseInt(strings.TrimLeft(btc, "0"), 10, 64)
		created, _ := time.Parse(time.DateTime, rec[8])
		ps = append(ps, link.Payment{Key: link.Key{Evidence: "ev", Table: "invoices", Row: id}, Account: rec[1],
			Address: rec[5], Sats: coinsift.Sats(sats), TxID: rec[6], Vout: -1, Status: rec[7], Created: created})
	}
	return ps
}

// expected lists the link statuses that agree with a world's truth status
// (truth/invoices.tsv): a split payment is verified when its second part
// arrives in the window, else late or partial; an unpaid invoice is unpaid,
// not found or at a never-used address, depending on what the service
// recorded.
var expected = map[string][]link.Status{
	"verified":  {link.Verified},
	"partial":   {link.Partial},
	"overpaid":  {link.AmountMismatch},
	"late":      {link.Late},
	"split":     {link.Verified, link.Late, link.Partial},
	"unpaid":    {link.Unpaid, link.NotFound, link.AddressNeverSeen},
	"fake_paid": {link.AddressNeverSeen, link.NotFound},
}

func TestRunAgainstTruth(t *testing.T) {
	w := worldtest.Get(t, world.ScaleTiny)
	x := w.Open(t)
	ps := worldPayments(t, w.Dir)
	res, err := link.Run(context.Background(), x, ps, nil, link.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	outs := map[int64]map[string]bool{} // invoice → its true outputs
	for _, r := range w.Rows(t, "payments.tsv") {
		id, _ := strconv.ParseInt(r["invoice_id"], 10, 64)
		if outs[id] == nil {
			outs[id] = map[string]bool{}
		}
		outs[id][r["txid"]+":"+r["vout"]] = true
	}
	truth := map[int64]map[string]string{}
	for _, r := range w.Rows(t, "invoices.tsv") {
		id, _ := strconv.ParseInt(r["invoice_id"], 10, 64)
		truth[id] = r
	}
	var tp, fp, agree, n int
	paidTruth := map[int64]bool{}
	for id, r := range truth {
		if len(outs[id]) > 0 && r["duplicate_of"] == "0" {
			paidTruth[id] = true
		}
	}
	found := map[int64]bool{}
	for _, l := range res.Links {
		tr := truth[l.Key.Row]
		if tr == nil {
			t.Fatalf("payment %d has no truth row", l.Key.Row)
		}
		n++
		ok := false
		if tr["duplicate_of"] != "0" {
			orig, _ := strconv.ParseInt(tr["duplicate_of"], 10, 64)
			ok = l.Status == link.Duplicate || !paidTruth[orig] && !l.Status.Paid()
		} else {
			for _, s := range expected[tr["truth_status"]] {
				ok = ok || l.Status == s
			}
		}
		if ok {
			agree++
		} else {
			t.Logf("payment %d: %s (%s); truth %s", l.Key.Row, l.Status, l.Reason, tr["truth_status"])
		}
		if !l.Status.Paid() {
			continue
		}
		all := true
		for _, o := range l.Outputs {
			all = all && outs[l.Key.Row][o.TxID.String()+":"+strconv.Itoa(o.Vout)]
		}
		if all {
			tp++
			found[l.Key.Row] = true
		} else {
			fp++
			t.Logf("payment %d: linked %d output(s) not all the invoice's", l.Key.Row, len(l.Outputs))
		}
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(len(found)) / float64(len(paidTruth))
	t.Logf("tiny world: %d invoice rows, %d paid on chain; link precision %.4f recall %.4f; status agreement %.4f; %v",
		n, len(paidTruth), precision, recall, float64(agree)/float64(n), res.Stats.ByStatus)
	if precision < 0.99 || recall < 0.99 {
		t.Errorf("precision %.4f, recall %.4f; want ≥ 0.99 each", precision, recall)
	}
	if a := float64(agree) / float64(n); a < 0.95 {
		t.Errorf("status agreement %.4f; want ≥ 0.95", a)
	}
}

func TestStatuses(t *testing.T) {
	w := worldtest.Get(t, world.ScaleTiny)
	x := w.Open(t)
	var base link.Payment
	for _, p := range worldPayments(t, w.Dir) {
		if p.TxID != "" {
			base = p
			break
		}
	}
	day := 24 * time.Hour
	tests := []struct {
		name string
		edit func(p *link.Payment)
		want link.Status
	}{
		{"recorded txid", func(p *link.Payment) {}, link.Verified},
		{"by address", func(p *link.Payment) { p.TxID = "" }, link.Verified},
		{"overpaid", func(p *link.Payment) { p.Sats = p.Sats / 2 }, link.AmountMismatch},
		{"underpaid", func(p *link.Payment) { p.Sats = p.Sats * 2 }, link.Partial},
		{"within tolerance", func(p *link.Payment) { p.Sats += 999 }, link.Verified},
		{"late", func(p *link.Payment) { p.Created = p.Created.Add(-10 * day) }, link.Late},
		// A txid typed wrong: the payment is found at its address.
		{"txid not in chain, paid at the address", func(p *link.Payment) { p.TxID = strings.Repeat("ab", 32) }, link.Verified},
		{"txid not in chain, nothing at the address", func(p *link.Payment) {
			p.TxID, p.Created = strings.Repeat("ab", 32), p.Created.Add(30*day)
		}, link.NotFound},
		{"txid cut short", func(p *link.Payment) { p.TxID = p.TxID[:16] }, link.Verified},
		{"after the payment", func(p *link.Payment) { p.TxID, p.Created = "", p.Created.Add(30*day) }, link.NotFound},
		{"never seen, says paid", func(p *link.Payment) {
			p.TxID, p.Address = "", "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080"
		}, link.AddressNeverSeen},
		{"never seen, expired", func(p *link.Payment) {
			p.TxID, p.Address, p.Status = "", "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080", "expired"
		}, link.Unpaid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base
			tt.edit(&p)
			res, err := link.Run(context.Background(), x, []link.Payment{p}, nil, link.DefaultConfig(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Links[0].Status; got != tt.want {
				t.Errorf("status = %s (%s); want %s", got, res.Links[0].Reason, tt.want)
			}
		})
	}
}

func TestReusedAddressAssignedOnce(t *testing.T) {
	w := worldtest.Get(t, world.ScaleTiny)
	x := w.Open(t)
	var p link.Payment
	for _, q := range worldPayments(t, w.Dir) {
		if q.TxID != "" {
			p = q
			break
		}
	}
	p.TxID = ""
	q := p
	q.Key.Row++
	q.Created = q.Created.Add(time.Minute)
	res, err := link.Run(context.Background(), x, []link.Payment{q, p}, nil, link.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Links[0].Status != link.Verified || res.Links[1].Status != link.NotFound {
		t.Errorf("statuses = %s, %s; want the earlier invoice verified, the later not_found", res.Links[0].Status, res.Links[1].Status)
	}
}

func TestDuplicateRecord(t *testing.T) {
	// The same invoice twice in the dump (another row, same values) is one
	// payment: the second record is a duplicate and adds no money.
	w := worldtest.Get(t, world.ScaleTiny)
	x := w.Open(t)
	var p link.Payment
	for _, q := range worldPayments(t, w.Dir) {
		if q.TxID != "" {
			p = q
			break
		}
	}
	for _, byTxID := range []bool{true, false} {
		a := p
		if !byTxID {
			a.TxID = ""
		}
		b := a
		b.Key.Row += 1000
		res, err := link.Run(context.Background(), x, []link.Payment{b, a}, nil, link.DefaultConfig(), nil)
		if err != nil {
			t.Fatal(err)
		}
		l0, l1 := res.Links[0], res.Links[1]
		if l0.Status != link.Verified || l1.Status != link.Duplicate || len(l1.Outputs) != 0 || l1.Paid != 0 {
			t.Errorf("by txid %v: statuses %s, %s (%s); want verified, duplicate with no outputs", byTxID, l0.Status, l1.Status, l1.Reason)
		}
	}
}

func TestParseRef(t *testing.T) {
	txid := strings.Repeat("ab", 32)
	tests := []struct {
		in   string
		want link.Key
		ok   bool
	}{
		{"src_invoices#10569", link.Key{Table: "src_invoices", Row: 10569}, true},
		{"src_invoices:10569", link.Key{Table: "src_invoices", Row: 10569}, true},
		{"e9df8786a0d03644/src_invoices#1", link.Key{Evidence: "e9df8786a0d03644", Table: "src_invoices", Row: 1}, true},
		{"e9df8786a0d03644/src_invoices:1", link.Key{Evidence: "e9df8786a0d03644", Table: "src_invoices", Row: 1}, true},
		{txid + ":1", link.Key{}, false},
		{txid, link.Key{}, false},
		{"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", link.Key{}, false},
		{"src_invoices#", link.Key{}, false},
		{"src_invoices#x", link.Key{}, false},
		{"src_invoices#0", link.Key{}, false},
		{"src_invoices#-3", link.Key{}, false},
		{"#12", link.Key{}, false},
		{"/src_invoices#12", link.Key{}, false},
	}
	for _, tt := range tests {
		got, err := link.ParseRef(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseRef(%q) = %+v, %v; want %+v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !errors.Is(err, link.ErrNotRef) {
			t.Errorf("ParseRef(%q) error %v is not ErrNotRef", tt.in, err)
		}
		if err == nil && tt.want.Evidence != "" {
			if back, _ := link.ParseRef(got.String()); back != got {
				t.Errorf("ParseRef(%q.String()) = %+v", tt.in, back)
			}
		}
	}
	if r := (link.Key{Evidence: "e", Table: "src_invoices", Row: 7}).Ref(); r != "src_invoices#7" {
		t.Errorf("Ref() = %q", r)
	}
}
