package link_test

import (
	"context"
	"encoding/csv"
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

func TestRunAgainstTruth(t *testing.T) {
	w := worldtest.Get(t, world.ScaleTiny)
	x := w.Open(t)
	ps := worldPayments(t, w.Dir)
	res, err := link.Run(context.Background(), x, ps, nil, link.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	truth := map[int64]string{}
	for _, r := range w.Rows(t, "payments.tsv") {
		id, _ := strconv.ParseInt(r["invoice_id"], 10, 64)
		truth[id] = r["txid"] + ":" + r["vout"]
	}
	var tp, fp int
	for _, l := range res.Links {
		if !l.Status.Paid() {
			continue
		}
		got := l.Outputs[0].TxID.String() + ":" + strconv.Itoa(l.Outputs[0].Vout)
		if truth[l.Key.Row] == got {
			tp++
		} else {
			fp++
			t.Logf("payment %d: linked %s (%s); truth %q", l.Key.Row, got, l.Status, truth[l.Key.Row])
		}
	}
	precision, recall := float64(tp)/float64(tp+fp), float64(tp)/float64(len(truth))
	t.Logf("tiny world: %d payments, %d paid in truth; link precision %.4f recall %.4f; %v", len(ps), len(truth), precision, recall, res.Stats.ByStatus)
	if precision < 0.99 || recall < 0.99 {
		t.Errorf("precision %.4f, recall %.4f; want ≥ 0.99 each", precision, recall)
	}
	if n := res.Stats.ByStatus[link.Verified]; n == 0 {
		t.Errorf("no verified payments")
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
		{"txid not in chain", func(p *link.Payment) { p.TxID = strings.Repeat("ab", 32) }, link.NotFound},
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
