package world_test

import (
	"bytes"
	"encoding/csv"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // the IANA zones, whatever the machine has

	"github.com/nyaruka/phonenumbers"
	"github.com/phuslu/iploc"

	"github.com/coinsift/coinsift/world"
)

var smallOnce struct {
	sync.Once
	dir string
	err error
}

// realismWorlds are the worlds the realism tests read: tiny with seed 3,
// and small with seed 1 unless -short. The small world is made once per
// test binary and removed at exit by the OS's temp cleanup (or by hand).
func realismWorlds(t *testing.T) []string {
	t.Helper()
	dirs := []string{tinyWorld(t)}
	if testing.Short() {
		return dirs
	}
	smallOnce.Do(func() {
		dir, err := os.MkdirTemp("", "coinsift-world-small-")
		if err == nil {
			_, err = world.Generate(t.Context(), world.Config{Scale: world.ScaleSmall, Seed: 1}, dir, nil)
		}
		smallOnce.dir, smallOnce.err = dir, err
	})
	if smallOnce.err != nil {
		t.Fatal(smallOnce.err)
	}
	return append(dirs, smallOnce.dir)
}

var tinyOnce struct {
	sync.Once
	dir string
	err error
}

func tinyWorld(t *testing.T) string {
	tinyOnce.Do(func() {
		dir, err := os.MkdirTemp("", "coinsift-world-tiny-")
		if err == nil {
			_, err = world.Generate(t.Context(), world.Config{Scale: world.ScaleTiny, Seed: 3}, dir, nil)
		}
		tinyOnce.dir, tinyOnce.err = dir, err
	})
	if tinyOnce.err != nil {
		t.Fatal(tinyOnce.err)
	}
	return tinyOnce.dir
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range []string{smallOnce.dir, tinyOnce.dir} {
		if d != "" {
			os.RemoveAll(d)
		}
	}
	os.Exit(code)
}

// readCSV reads a seized CSV table as maps keyed by column name, dropping
// the deliberately malformed line of the users table.
func readCSV(tb testing.TB, path string) []map[string]string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	b = regexp.MustCompile(`(?m)^\d+,"unterminated,quote\r\n`).ReplaceAll(b, nil)
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, c := range recs[0] {
			m[c] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func validFor(number, region, country string) bool {
	n, err := phonenumbers.Parse(number, region)
	return err == nil && phonenumbers.IsValidNumber(n) && phonenumbers.GetRegionCodeForNumber(n) == country
}

func TestPhonesValidForCountry(t *testing.T) {
	for _, dir := range realismWorlds(t) {
		truth := filepath.Join(dir, "truth")
		var n, bad int
		check := func(what, number, country string) {
			n++
			if !validFor(number, "", country) {
				bad++
				if bad <= 5 {
					t.Errorf("%s %s: not a valid %s number", what, number, country)
				}
			}
		}
		persons := readTSV(t, filepath.Join(truth, "persons.tsv"))
		for _, p := range persons {
			check("person "+p["person_id"], p["phone"], p["country"])
		}
		for _, v := range readTSV(t, filepath.Join(truth, "victims.tsv")) {
			check("victim "+v["victim_id"], v["phone"], v["country"])
		}
		accounts := map[string]map[string]string{}
		for _, a := range readTSV(t, filepath.Join(truth, "accounts.tsv")) {
			accounts[a["user_id"]] = a
			if a["phone_e164"] != "" {
				check("account "+a["user_id"], a["phone_e164"], a["country"])
			}
		}
		if float64(bad) > 0.01*float64(n) {
			t.Errorf("%s: %d of %d phones invalid for their country; want ≤ 1 %%", dir, bad, n)
		}
		// The seized text, read with the person's own country implied,
		// is the number of the truth (apart from a little junk); GB users
		// mostly type the national form.
		var typed, same, national, gb int
		for _, u := range readCSV(t, filepath.Join(dir, "seized", "csv", "users.csv")) {
			a := accounts[u["id"]]
			if a == nil || u["phone"] == "" || a["phone_e164"] == "" {
				continue
			}
			typed++
			if n, err := phonenumbers.Parse(u["phone"], a["country"]); err == nil && phonenumbers.Format(n, phonenumbers.E164) == a["phone_e164"] {
				same++
			}
			if a["country"] == "GB" {
				gb++
				if u["phone"][0] == '0' && u["phone"][1] != '0' {
					national++
				}
			}
		}
		t.Logf("%s: %d phones, %d invalid; %d typed, %d read back; GB national form %d of %d", filepath.Base(dir), n, bad, typed, same, national, gb)
		if same < typed-max(3, typed*3/100) {
			t.Errorf("only %d of %d seized phones read back as the truth's number", same, typed)
		}
		if gb > 20 && (national < gb/3 || national > gb*3/4) {
			t.Errorf("%d of %d GB phones in national form; want about 58 %%", national, gb)
		}
	}
}

// loginFacts joins the login log (schema variant 0) with the truth.
type loginFact struct {
	ip      netip.Addr
	at      time.Time
	country string
	zone    string
	vpn     string
	owl     bool
	hosting bool
}

func readLogins(t *testing.T, dir string) []loginFact {
	t.Helper()
	truth := filepath.Join(dir, "truth")
	persons := map[string]map[string]string{}
	for _, p := range readTSV(t, filepath.Join(truth, "persons.tsv")) {
		persons[p["person_id"]] = p
	}
	personOf := map[string]string{}
	for _, a := range readTSV(t, filepath.Join(truth, "accounts.tsv")) {
		personOf[a["user_id"]] = a["person_id"]
	}
	var hosting []netip.Prefix
	for _, n := range readTSV(t, filepath.Join(truth, "networks.tsv")) {
		if n["kind"] == "hosting" {
			hosting = append(hosting, netip.MustParsePrefix(n["network"]))
		}
	}
	var out []loginFact
	for _, l := range readCSV(t, filepath.Join(dir, "seized", "csv", "logins.csv")) {
		p := persons[personOf[l["user_id"]]]
		if p == nil {
			continue // test accounts
		}
		at, err := time.Parse(time.DateTime, l["created_at"])
		if err != nil {
			t.Fatal(err)
		}
		f := loginFact{ip: netip.MustParseAddr(l["ip"]), at: at, country: p["country"], zone: p["timezone"], vpn: p["uses_vpn"], owl: p["night_owl"] == "true"}
		for _, h := range hosting {
			f.hosting = f.hosting || h.Contains(f.ip)
		}
		out = append(out, f)
	}
	return out
}

func TestLoginAddressesInCountry(t *testing.T) {
	for _, dir := range realismWorlds(t) {
		var n, home, inCountry, vpn, alwaysN, alwaysVPN int
		for _, l := range readLogins(t, dir) {
			n++
			if l.vpn == "always" {
				alwaysN++
				if l.hosting {
					alwaysVPN++
				}
			}
			if l.hosting {
				vpn++
				continue
			}
			home++
			if iploc.IPCountry(l.ip) == l.country {
				inCountry++
			}
		}
		t.Logf("%s: %d logins, %d through VPN exits (%.1f %%), %d of %d others in the person's country (%.2f %%)",
			filepath.Base(dir), n, vpn, 100*float64(vpn)/float64(n), inCountry, home, 100*float64(inCountry)/float64(home))
		if float64(inCountry) < 0.95*float64(home) {
			t.Errorf("%d of %d non-VPN logins in the person's country; want ≥ 95 %%", inCountry, home)
		}
		if alwaysVPN != alwaysN {
			t.Errorf("always-VPN persons: %d of %d logins through exits; want all", alwaysVPN, alwaysN)
		}
		if n > 10000 && (vpn*100 < 6*n || vpn*100 > 20*n) {
			t.Errorf("%d of %d logins through VPN exits; want 6–20 %%", vpn, n)
		}
	}
}

func TestLoginsQuietAtNight(t *testing.T) {
	for _, dir := range realismWorlds(t) {
		var n, quiet, owls, owlQuiet int
		locs := map[string]*time.Location{}
		for _, l := range readLogins(t, dir) {
			loc := locs[l.zone]
			if loc == nil {
				var err error
				if loc, err = time.LoadLocation(l.zone); err != nil {
					t.Fatal(err)
				}
				locs[l.zone] = loc
			}
			h := l.at.In(loc).Hour()
			night := h >= 1 && h < 7
			if l.owl {
				owls++
				owlQuiet += b2i(night)
				continue
			}
			n++
			quiet += b2i(night)
		}
		share := float64(quiet) / float64(n)
		t.Logf("%s: %d of %d logins (%.1f %%) between 01:00 and 07:00 local; night owls %d of %d", filepath.Base(dir), quiet, n, 100*share, owlQuiet, owls)
		if share > 0.08 {
			t.Errorf("%.1f %% of logins between 01:00 and 07:00 local; want ≤ 8 %% (uniform: 25 %%)", 100*share)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestPaymentTruthStatuses(t *testing.T) {
	for _, dir := range realismWorlds(t) {
		truth := filepath.Join(dir, "truth")
		type agg struct {
			sum   int64
			parts int
			last  time.Time
		}
		paid := map[string]*agg{}
		for _, p := range readTSV(t, filepath.Join(truth, "payments.tsv")) {
			a := paid[p["invoice_id"]]
			if a == nil {
				a = &agg{}
				paid[p["invoice_id"]] = a
			}
			v, _ := strconv.ParseInt(p["paid_sats"], 10, 64)
			a.sum += v
			a.parts++
			bt, _ := time.Parse(time.RFC3339, p["block_time"])
			if bt.After(a.last) {
				a.last = bt
			}
		}
		seized := map[string]string{}
		for _, r := range readCSV(t, filepath.Join(dir, "seized", "csv", "invoices.csv")) {
			seized[r["id"]] = r["status"]
		}
		count := map[string]int{}
		dups := 0
		for _, inv := range readTSV(t, filepath.Join(truth, "invoices.tsv")) {
			id, st := inv["invoice_id"], inv["truth_status"]
			count[st]++
			if inv["duplicate_of"] != "0" {
				dups++
				id = inv["duplicate_of"]
			}
			if seized[inv["invoice_id"]] != inv["seized_status"] {
				t.Errorf("invoice %s: seized status %q; truth says %q", inv["invoice_id"], seized[inv["invoice_id"]], inv["seized_status"])
			}
			sats, _ := strconv.ParseInt(inv["sats"], 10, 64)
			expires, _ := time.Parse(time.RFC3339, inv["expires"])
			a := paid[id]
			if a == nil {
				a = &agg{}
			}
			var ok bool
			switch st {
			case "unpaid":
				ok = a.parts == 0 && inv["seized_status"] != "paid"
			case "fake_paid":
				ok = a.parts == 0 && inv["seized_status"] == "paid"
			case "partial":
				ok = a.parts > 0 && a.sum < sats
			case "overpaid":
				ok = a.parts > 0 && a.sum > sats
			case "split":
				ok = a.parts >= 2 && a.sum == sats
			case "late":
				ok = a.parts == 1 && a.sum == sats && a.last.After(expires)
			case "verified":
				ok = a.parts == 1 && a.sum == sats && !a.last.After(expires) && inv["seized_status"] == "paid"
			}
			if !ok {
				t.Errorf("invoice %s is %s but the chain has %d payments of %d sats (invoice %d), last %v, expiry %v, seized %s",
					inv["invoice_id"], st, a.parts, a.sum, sats, a.last, expires, inv["seized_status"])
			}
		}
		t.Logf("%s: truth statuses %v, %d duplicated rows", filepath.Base(dir), count, dups)
		if !testing.Short() && filepath.Base(dir) != filepath.Base(tinyWorld(t)) {
			for _, st := range []string{"verified", "partial", "overpaid", "late", "split", "unpaid", "fake_paid"} {
				if count[st] == 0 {
					t.Errorf("no %s invoice in the small world", st)
				}
			}
			if dups == 0 {
				t.Error("no duplicated invoice rows in the small world")
			}
		}
	}
}

func TestTinyHasServiceFlow(t *testing.T) {
	kinds := map[string]int{}
	for _, tx := range readTSV(t, filepath.Join(tinyWorld(t), "truth", "txs.tsv")) {
		kinds[tx["kind"]]++
	}
	for _, k := range []string{"service_sweep", "admin_payout", "cashout"} {
		if kinds[k] < 3 {
			t.Errorf("tiny world has %d %s transactions; want at least 3", kinds[k], k)
		}
	}
}
