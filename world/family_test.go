package world_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coinsift/coinsift/world"
)

// familyRow is a seized payment row read back from a family's CSV in the
// terms of truth/invoices.tsv.
type familyRow struct {
	user, address, amount, status, txid string
}

// familyRows reads a family's payment table (CSV) by row id.
func familyRows(t *testing.T, dir string, f world.Family) map[string]familyRow {
	t.Helper()
	out := map[string]familyRow{}
	switch f {
	case world.FamilyBooter:
		for _, r := range readCSV(t, filepath.Join(dir, "seized", "csv", "deposits.csv")) {
			txid := ""
			if r["callback"] != "" {
				var cb struct {
					Tx struct {
						Hash *string `json:"hash"`
					} `json:"tx"`
				}
				if err := json.Unmarshal([]byte(r["callback"]), &cb); err == nil && cb.Tx.Hash != nil {
					txid = *cb.Tx.Hash
				}
			}
			out[r["id"]] = familyRow{r["client"], r["address"], r["btc"], r["state"], txid}
		}
	case world.FamilyCardShop:
		for _, r := range readCSV(t, filepath.Join(dir, "seized", "csv", "bills.csv")) {
			out[r["bill_no"]] = familyRow{r["cust_id"], r["addr"], r["btc_sats"], r["status"], r["txn"]}
		}
	default:
		for _, r := range readCSV(t, filepath.Join(dir, "seized", "csv", "subs.csv")) {
			out[r["id"]] = familyRow{r["user_id"], r["pay_to"], r["amount_sats"], r["status"], strings.ToLower(strings.TrimSpace(r["tx_proof"]))}
		}
	}
	return out
}

func atoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// TestFamilyTruth checks, for every family other than ispoof, that the
// dump is named after the family, that truth/invoices.tsv has one row per
// seized payment row and agrees with it (account, address, amount, status,
// txid), that payments.tsv adds up to invoices.tsv, that each truth_status
// fits the payments, and that the family's payment model shows: one static
// address per booter client (several top-ups to one, manual credits),
// recycled card-shop addresses, comp bills, bills paid twice, a ransomware
// address shared by most subscriptions and txids credited twice. Tiny
// worlds are small, so a behaviour needs only show in one of the first
// eight seeds; the invariants must hold in every world.
func TestFamilyTruth(t *testing.T) {
	for _, f := range world.Families[1:] {
		t.Run(string(f), func(t *testing.T) {
			seen := map[string]bool{}
			for seed := uint64(1); seed <= 8; seed++ {
				dir, sum := MustGenerate(t, world.Config{Scale: world.ScaleTiny, Seed: seed, Family: f})
				for b := range checkFamilyWorld(t, dir, f, sum) {
					seen[b] = true
				}
				if len(seen) == 2 {
					break
				}
			}
			if len(seen) != 2 {
				t.Errorf("the first tiny worlds show only %v of the family's two behaviours", seen)
			}
		})
	}
}

// checkFamilyWorld checks the invariants of one world of family f and
// returns which of the family's behaviours it shows.
func checkFamilyWorld(t *testing.T, dir string, f world.Family, sum world.Summary) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	if _, err := os.Stat(filepath.Join(dir, "seized", string(f)+".sql")); err != nil {
		t.Fatalf("no dump named after the family: %v", err)
	}
	rows := familyRows(t, dir, f)
	invs := readTSV(t, filepath.Join(dir, "truth", "invoices.tsv"))
	if len(invs) != len(rows) || len(rows) != sum.Invoices {
		t.Fatalf("invoices.tsv has %d rows, the dump %d, the summary %d", len(invs), len(rows), sum.Invoices)
	}
	paid := map[string]int64{}
	npays := map[string]int64{}
	wallets := map[string]map[string]bool{}
	for _, p := range readTSV(t, filepath.Join(dir, "truth", "payments.tsv")) {
		paid[p["invoice_id"]] += atoi(p["paid_sats"])
		npays[p["invoice_id"]]++
		if wallets[p["invoice_id"]] == nil {
			wallets[p["invoice_id"]] = map[string]bool{}
		}
		wallets[p["invoice_id"]][p["paying_wallet"]] = true
	}
	statuses := map[string]int{}
	addrUsers := map[string]map[string]bool{}
	addrRows := map[string]int{}
	userAddrs := map[string]map[string]bool{}
	txidRows := map[string]int{}
	for _, inv := range invs {
		id := inv["invoice_id"]
		row := rows[id]
		got := familyRow{inv["user_id"], inv["address"], inv["sats"], inv["seized_status"], inv["seized_txid"]}
		if f == world.FamilyBooter {
			// A deposit row records what was credited.
			got.amount = booterAmount(inv)
		}
		if diff := cmp.Diff(got, row, cmp.AllowUnexported(familyRow{})); diff != "" && !(f == world.FamilyBooter && row.txid == "" && strings.HasPrefix(rows[id].status, "failed")) {
			t.Errorf("row %s: truth and dump differ (-truth +dump):\n%s", id, diff)
		}
		if d := inv["duplicate_of"]; d != "0" {
			id = d // payments.tsv names the row a duplicate repeats
		}
		if p := atoi(inv["paid_sats"]); p != paid[id] || atoi(inv["payments"]) != npays[id] {
			t.Errorf("row %s: invoices.tsv says %s sats in %s payments; payments.tsv %d in %d", id, inv["paid_sats"], inv["payments"], paid[id], npays[id])
		}
		ts := inv["truth_status"]
		statuses[ts]++
		switch ts {
		case "comp", "credited_twice", "fake_paid", "unpaid":
			if npays[id] != 0 {
				t.Errorf("row %s is %s but has %d payments", id, ts, npays[id])
			}
		case "paid_again":
			if npays[id] < 2 || paid[id] != 2*atoi(inv["sats"]) || len(wallets[id]) != 1 {
				t.Errorf("row %s is paid_again but has %d payments of %d sats from %d wallets", id, npays[id], paid[id], len(wallets[id]))
			}
		default:
			if npays[id] == 0 {
				t.Errorf("row %s is %s but has no payment", id, ts)
			}
		}
		if ts == "comp" && inv["seized_status"] != "comp" || ts == "credited_twice" && inv["seized_status"] != "active" {
			t.Errorf("row %s is %s but the dump says %s", id, ts, inv["seized_status"])
		}
		if addrUsers[inv["address"]] == nil {
			addrUsers[inv["address"]] = map[string]bool{}
		}
		if userAddrs[inv["user_id"]] == nil {
			userAddrs[inv["user_id"]] = map[string]bool{}
		}
		addrUsers[inv["address"]][inv["user_id"]] = true
		userAddrs[inv["user_id"]][inv["address"]] = true
		if inv["duplicate_of"] == "0" {
			addrRows[inv["address"]]++
			if inv["seized_txid"] != "" {
				txidRows[inv["seized_txid"]]++
			}
		}
	}
	t.Logf("truth statuses: %v", statuses)
	switch f {
	case world.FamilyBooter:
		for a, us := range addrUsers {
			if len(us) != 1 {
				t.Errorf("address %s is shared by %d clients", a, len(us))
			}
		}
		for _, as := range userAddrs {
			if len(as) != 1 {
				t.Fatalf("a client has %d deposit addresses; want 1", len(as))
			}
		}
		for _, n := range addrRows {
			if n > 1 {
				seen["several top-ups to one address"] = true
			}
		}
		seen["manual credit"] = statuses["fake_paid"] > 0
	case world.FamilyCardShop:
		for _, us := range addrUsers {
			if len(us) > 1 {
				seen["recycled address"] = true
			}
		}
		seen["comp and paid_again"] = statuses["comp"] > 0 && statuses["paid_again"] > 0
	case world.FamilyRansomware:
		most := 0
		for _, n := range addrRows {
			most = max(most, n)
		}
		if most < len(invs)/2 {
			t.Errorf("one address holds %d of %d rows; want most", most, len(invs))
		}
		twice := 0
		for _, n := range txidRows {
			if n > 1 {
				twice++
			}
		}
		if twice < statuses["credited_twice"] {
			t.Errorf("%d rows credited_twice but %d txids on two rows", statuses["credited_twice"], twice)
		}
		seen["shared address"] = most >= len(invs)/2
		seen["credited twice"] = statuses["credited_twice"] > 0
	}
	for b, ok := range seen {
		if !ok {
			delete(seen, b)
		}
	}
	return seen
}

// booterAmount is the amount a booter's deposit row holds: what arrived
// when credited on chain, else the amount asked for, as BTC.
func booterAmount(inv map[string]string) string {
	s := atoi(inv["sats"])
	if inv["seized_status"] == "confirmed" && atoi(inv["payments"]) > 0 {
		s = atoi(inv["paid_sats"])
	}
	return strconv.FormatInt(s/100_000_000, 10) + "." + strings.Repeat("0", 8-len(strconv.FormatInt(s%100_000_000, 10))) + strconv.FormatInt(s%100_000_000, 10)
}

// TestFamilyDeterministic: two runs of each family give byte-identical
// worlds, and the families differ from each other.
func TestFamilyDeterministic(t *testing.T) {
	seen := map[string]world.Family{}
	for _, f := range world.Families[1:] {
		t.Run(string(f), func(t *testing.T) {
			cfg := world.Config{Scale: world.ScaleTiny, Seed: 42, Family: f}
			a, _ := MustGenerate(t, cfg)
			b, _ := MustGenerate(t, cfg)
			ha, hb := hashTree(t, a), hashTree(t, b)
			if diff := cmp.Diff(ha, hb); diff != "" {
				t.Errorf("two runs differ (-first +second):\n%s", diff)
			}
			if g, ok := seen[ha["truth/invoices.tsv"]]; ok {
				t.Errorf("families %s and %s have the same invoices", g, f)
			}
			seen[ha["truth/invoices.tsv"]] = f
		})
	}
}
