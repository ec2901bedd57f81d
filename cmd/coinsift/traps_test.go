package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/coinsift/coinsift/price"
)

// The traps tests (issue 17) run commands on the case of a tiny demo,
// built once per test binary.
var (
	tinyOnce sync.Once
	tinyDir  string
	tinyErr  string
)

// tinyDemo returns the output directory of a tiny demo (its case is in
// case/, its world in world/). Tests that change the case work on a copy
// (tinyCopy).
func tinyDemo(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the tiny demo")
	}
	tinyOnce.Do(func() {
		dir, err := os.MkdirTemp("", "coinsift-traps-")
		if err != nil {
			tinyErr = err.Error()
			return
		}
		tinyDir = filepath.Join(dir, "demo")
		_, errs, code := cli(t, "demo", "--scale", "tiny", "--out", tinyDir)
		if code != 0 {
			tinyErr = errs
		}
	})
	if tinyErr != "" {
		t.Fatalf("tiny demo: %s", tinyErr)
	}
	return tinyDir
}

// tinyCase returns the tiny demo's case directory.
func tinyCase(t *testing.T) string { return filepath.Join(tinyDemo(t), "case") }

// tinyCopy returns a copy of the tiny demo's case that the test may change.
func tinyCopy(t *testing.T) string {
	t.Helper()
	src := tinyCase(t)
	dst := filepath.Join(t.TempDir(), "case")
	if out, err := exec.Command("cp", "-a", src, dst).CombinedOutput(); err != nil {
		t.Fatalf("copy case: %v %s", err, out)
	}
	return dst
}

// sqlOne returns the single value a query prints in CSV.
func sqlOne(t *testing.T, dir, query string) string {
	t.Helper()
	out := mustCLI(t, "--case", dir, "sql", "--format", "csv", query)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}

// TestClusterShowListsAddresses: trap 6, addresses one per line, never
// joined by a visible "\x0a".
func TestClusterShowListsAddresses(t *testing.T) {
	dir := tinyCase(t)
	addr := sqlOne(t, dir, `SELECT a.address FROM chain_addresses a JOIN clusters c USING (address_id)
		JOIN cluster_sizes s USING (cluster_id) WHERE s.size > 3 ORDER BY a.address_id LIMIT 1`)
	out := mustCLI(t, "--case", dir, "cluster", "show", addr)
	if strings.Contains(out, `\x0a`) {
		t.Errorf("cluster show prints a visible newline escape:\n%s", out)
	}
	_, list, ok := strings.Cut(out, "addresses (first ")
	if !ok {
		t.Fatalf("no address list:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(list), "\n")[1:]
	if len(lines) < 4 || strings.TrimSpace(lines[0]) != addr {
		t.Errorf("address list = %q; want one address a line, %s first", lines, addr)
	}
}

// TestClusterRunCountsNoPhantom: trap 8, address id 0 ("no address") is
// neither stored nor counted as a cluster.
func TestClusterRunCountsNoPhantom(t *testing.T) {
	dir := tinyCopy(t)
	out := mustCLI(t, "--case", dir, "cluster", "run")
	if n := sqlOne(t, dir, `SELECT count(*) FROM clusters WHERE address_id = 0`); n != "0" {
		t.Errorf("clusters holds %s row(s) for address id 0", n)
	}
	want := sqlOne(t, dir, `SELECT count(DISTINCT cluster_id) FROM clusters`)
	if n := sqlOne(t, dir, `SELECT count(*) FROM cluster_sizes`); n != want {
		t.Errorf("cluster_sizes has %s rows; the clusters table %s clusters", n, want)
	}
	addrs := sqlOne(t, dir, `SELECT count(*) FROM chain_addresses`)
	if !strings.Contains(out, "clustered "+addrs+" addresses") || !strings.Contains(out, "into "+want+" clusters") {
		t.Errorf("cluster run says %q; want %s addresses into %s clusters", strings.TrimSpace(out), addrs, want)
	}
}

// TestRatesPrintedForPeople: trap 9, a fiat price of a bitcoin has 2
// decimals in the CLI; --json keeps the exact value.
func TestRatesPrintedForPeople(t *testing.T) {
	tests := []struct {
		base, quote, in, want string
	}{
		{"BTC", "GBP", "28403.270738000000", "28403.27"},
		{"BTC", "GBP", "25601.745734", "25601.75"},
		{"BTC", "USD", "9", "9.00"},
		{"GBP", "BTC", "0.0000352069", "0.00003521"},
		{"USD", "GBP", "0.7321234567", "0.732123"},
	}
	for _, tt := range tests {
		if got := formatRate(tt.base, tt.quote, price.MustDecimal(tt.in)); got != tt.want {
			t.Errorf("formatRate(%s/%s %s) = %q; want %q", tt.base, tt.quote, tt.in, got, tt.want)
		}
	}
	dir := tinyCase(t)
	out := mustCLI(t, "--case", dir, "prices", "rate", "BTC/GBP", "2021-06-01")
	first, _, _ := strings.Cut(out, "\n")
	if !regexp.MustCompile(` = [0-9]+\.[0-9]{2} \(close\)$`).MatchString(first) {
		t.Errorf("prices rate prints %q; want the rate with 2 decimals", first)
	}
	if rows := regexp.MustCompile(`(?m)^BTC/GBP +([0-9.]+) `).FindStringSubmatch(out); rows == nil || !regexp.MustCompile(`^[0-9]+\.[0-9]{2}$`).MatchString(rows[1]) {
		t.Errorf("leg row %q; want the rate with 2 decimals", rows)
	}
	js := mustCLI(t, "--case", dir, "--json", "prices", "rate", "BTC/GBP", "2021-06-01")
	if !regexp.MustCompile(`"value": "[0-9]+\.[0-9]{3,}"`).MatchString(js) {
		t.Errorf("--json rate lost its precision:\n%s", js)
	}
}

// TestPaymentReferenceOneFormat: trap 5, the payment reference the reports
// print is the one trace back accepts (TABLE#ROW), and the older
// TABLE:ROW is still accepted.
func TestPaymentReferenceOneFormat(t *testing.T) {
	demo := tinyDemo(t)
	dir := filepath.Join(demo, "case")
	ref := sqlOne(t, dir, `SELECT src_table || '#' || src_row FROM links WHERE status = 'verified' ORDER BY src_table, src_row LIMIT 1`)
	want := mustCLI(t, "--case", dir, "trace", "back", ref)
	old := strings.Replace(ref, "#", ":", 1)
	got := mustCLI(t, "--case", dir, "trace", "back", old)
	if strings.Replace(got, old, ref, 1) != want {
		t.Errorf("trace back %s and %s differ:\n%s\n%s", old, ref, got, want)
	}
	// Build a fresh GB package from the case and read its payment references.
	out := filepath.Join(t.TempDir(), "refs")
	mustCLI(t, "--case", tinyCopy(t), "report", "referrals", "--rule", "ispoof-uk", "--countries", "GB", "--out", out)
	b, err := os.ReadFile(filepath.Join(out, "GB", "suspects.json"))
	if err != nil {
		t.Fatal(err)
	}
	refs := regexp.MustCompile(`"invoice": "([^"]*)"`).FindAllStringSubmatch(string(b), -1)
	if len(refs) == 0 {
		t.Fatal("no payment references in GB/suspects.json")
	}
	for _, m := range refs {
		if !regexp.MustCompile(`^src_[a-z_]+#[0-9]+$`).MatchString(m[1]) {
			t.Errorf("report prints payment reference %q; want TABLE#ROW", m[1])
		}
	}
}

// TestAddressShowsTagAndCluster: trap 7, 'coinsift address' on a tagged
// address names its tag and its cluster (id and size), in text and JSON.
func TestAddressShowsTagAndCluster(t *testing.T) {
	dir := tinyCase(t)
	addr := sqlOne(t, dir, `SELECT address FROM tags ORDER BY address LIMIT 1`)
	label := sqlOne(t, dir, `SELECT label FROM tags WHERE address = '`+addr+`' ORDER BY label LIMIT 1`)
	id := sqlOne(t, dir, `SELECT c.cluster_id FROM clusters c JOIN chain_addresses a USING (address_id) WHERE a.address = '`+addr+`'`)
	size := sqlOne(t, dir, `SELECT size FROM cluster_sizes WHERE cluster_id = `+id)
	out := mustCLI(t, "--case", dir, "address", addr)
	if !regexp.MustCompile(`(?m)^tag +` + regexp.QuoteMeta(label) + ` `).MatchString(out) {
		t.Errorf("address %s: no line for its tag %q:\n%s", addr, label, out)
	}
	if !regexp.MustCompile(`(?m)^cluster +` + id + ` \(` + size + ` addresses\)`).MatchString(out) {
		t.Errorf("address %s: no line for its cluster %s of %s addresses:\n%s", addr, id, size, out)
	}
	var v struct {
		Tags    []struct{ Label string }
		Cluster *struct {
			ID   uint32 `json:"cluster_id"`
			Size uint32
		}
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "--case", dir, "--json", "address", addr)), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Tags) == 0 || v.Tags[0].Label != label || v.Cluster == nil || strconv.Itoa(int(v.Cluster.ID)) != id || strconv.Itoa(int(v.Cluster.Size)) != size {
		t.Errorf("address --json: tags %+v, cluster %+v; want %q in cluster %s of %s", v.Tags, v.Cluster, label, id, size)
	}
}

// TestTriageSaysHopsPerExchange: trap 10, an exchange two hops back is not
// said to have paid straight. The case gets a second, indirect exchange
// for a suspect that one exchange paid directly.
func TestTriageSaysHopsPerExchange(t *testing.T) {
	dir := tinyCopy(t)
	c, err := openForTest(dir)
	if err != nil {
		t.Fatal(err)
	}
	var acct, entity string
	err = c.DB().QueryRow(`SELECT s.account_key, s.entity FROM account_sources s JOIN suspects t ON t.accounts = s.account_key
		WHERE s.category = 'exchange' AND s.min_hops = 1 ORDER BY t.rank LIMIT 1`).Scan(&acct, &entity)
	if err == nil {
		_, err = c.DB().Exec(`INSERT INTO account_sources VALUES (?, 'zz-exchange', 'exchange', 1000, 0.01, 1, 2, 0)`, acct)
	}
	c.Close()
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Suspects []struct {
			Accounts []string
			Reasons  []string
		}
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "--case", dir, "--json", "triage", "--rule", "ispoof-uk")), &res); err != nil {
		t.Fatal(err)
	}
	want := "paid straight from " + entity + "; zz-exchange 2 hops back"
	for _, s := range res.Suspects {
		if len(s.Accounts) == 1 && s.Accounts[0] == acct {
			if !slices.Contains(s.Reasons, want) {
				t.Errorf("account %s: reasons %q; want %q", acct, s.Reasons, want)
			}
			return
		}
	}
	t.Fatalf("account %s is not among the suspects", acct)
}

// TestReferralCountries: trap 3, --countries takes known ISO 3166-1 codes
// only, and a country the rule can never select (GB under the default
// rule) is refused, naming the rule that selects suspects there; nothing
// is written.
func TestReferralCountries(t *testing.T) {
	dir := tinyCopy(t)
	tests := []struct {
		countries string
		want      string
	}{
		{"XX", `"XX": not an ISO 3166-1 alpha-2 country code`},
		{"NL,G8", `"G8": not an ISO 3166-1 alpha-2`},
		{"GB", "rule referrals ("},
		{"NL,gb", "use --rule ispoof-uk ("},
	}
	for _, tt := range tests {
		t.Run(tt.countries, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "refs")
			_, stderr, code := cli(t, "--case", dir, "report", "referrals", "--out", out, "--countries", tt.countries)
			if code != exitUsage || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, exitUsage, tt.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s written despite the error (%v)", out, err)
			}
		})
	}
	out := filepath.Join(t.TempDir(), "uk")
	mustCLI(t, "--case", dir, "report", "referrals", "--rule", "ispoof-uk", "--out", out, "--countries", "gb")
	want := sqlOne(t, dir, `SELECT count(*) FROM suspects WHERE rule_name = 'ispoof-uk'`)
	b, err := os.ReadFile(filepath.Join(out, "GB", "suspects.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(strings.TrimSpace(string(b)), "\n"); strconv.Itoa(n) != want || n == 0 {
		t.Errorf("GB package under ispoof-uk lists %d suspects; triage found %s", n, want)
	}
}

// TestPersonAndAccountIDs: trap 1, triage prints persons as P-<n>; persons
// --explain and place show take P-<n> (or --person) for a person and a key
// (or --account) for an account, and refuse a bare number that is both.
func TestPersonAndAccountIDs(t *testing.T) {
	dir := tinyCase(t)
	var res struct {
		Suspects []struct {
			Person   string
			Accounts []string
		}
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "--case", dir, "--json", "triage", "--rule", "all-payers")), &res); err != nil {
		t.Fatal(err)
	}
	// A person whose number is also the key of an account of someone else.
	var person, n string
	for _, s := range res.Suspects {
		if !strings.HasPrefix(s.Person, "P-") && !strings.HasPrefix(s.Person, "account:") {
			t.Errorf("triage --json prints person %q; want P-<n>", s.Person)
		}
		num := strings.TrimPrefix(s.Person, "P-")
		if person == "" && num != s.Person && !slices.Contains(s.Accounts, num) &&
			sqlOne(t, dir, `SELECT count(*) FROM accounts WHERE account_key = '`+num+`'`) != "0" {
			person, n = s.Person, num
		}
	}
	if person == "" {
		t.Fatal("no person whose number is another's account key in the tiny demo")
	}
	table := mustCLI(t, "--case", dir, "triage", "--rule", "all-payers", "--limit", "0")
	if !regexp.MustCompile(`(?m)^[0-9]+ +` + person + ` `).MatchString(table) {
		t.Errorf("triage table does not list %s:\n%s", person, table)
	}
	for _, args := range [][]string{{"persons", "--explain", n}, {"place", "show", n}} {
		_, stderr, code := cli(t, append([]string{"--case", dir}, args...)...)
		if code != exitUsage || !strings.Contains(stderr, "say "+person) || !strings.Contains(stderr, "--account "+n) {
			t.Errorf("%s: exit %d, stderr %q; want a usage error naming %s and --account %s", strings.Join(args, " "), code, stderr, person, n)
		}
	}
	for _, args := range [][]string{{"persons", "--explain", person}, {"persons", "--person", n}} {
		if out := mustCLI(t, append([]string{"--case", dir}, args...)...); !strings.HasPrefix(out, "person "+person+" has ") {
			t.Errorf("%s = %q; want person %s explained", strings.Join(args, " "), out, person)
		}
	}
	if out := mustCLI(t, "--case", dir, "persons", "--account", n); !strings.HasPrefix(out, "account "+n+" is person P-") ||
		strings.HasPrefix(out, "account "+n+" is person "+person+" ") {
		t.Errorf("persons --account %s = %q; want account %s and its own person", n, out, n)
	}
	if out := mustCLI(t, "--case", dir, "place", "show", person); !strings.HasPrefix(out, "person "+person+": ") {
		t.Errorf("place show %s = %q", person, out)
	}
	if out := mustCLI(t, "--case", dir, "place", "show", "--account", n); !strings.HasPrefix(out, "account "+n+": ") {
		t.Errorf("place show --account %s = %q", n, out)
	}
}

// TestTagsBeforeChain: trap 2, tags imported before the chain are kept
// (the network is undecided until then) and resolve when it arrives; a
// file whose first reading quarantined them (here for mainnet) is read
// again after the chain, and a re-import never says "nothing to do" while
// the case has no usable tag.
func TestTagsBeforeChain(t *testing.T) {
	world := filepath.Join(tinyDemo(t), "world")
	pack := filepath.Join(world, "tags", "exchanges.yaml")
	stored := func(dir string) string { return sqlOne(t, dir, `SELECT count(*) FROM tags`) }

	dir := newCase(t)
	out, stderr, code := cli(t, "--case", dir, "tags", "import", pack)
	if code != 0 || !strings.Contains(out, "unresolved until a chain is imported") {
		t.Fatalf("tags import before the chain: exit %d\n%s%s", code, out, stderr)
	}
	n := stored(dir)
	if n == "0" {
		t.Fatal("tags imported before the chain were not kept")
	}
	mustCLI(t, "--quiet", "--case", dir, "chain", "import", "--blocks", filepath.Join(world, "blocks"))
	out = mustCLI(t, "--case", dir, "tags", "import", pack)
	onChain := regexp.MustCompile(`([0-9]+) on addresses of this chain`).FindStringSubmatch(out)
	if strings.Contains(out, "nothing to do") || onChain == nil || onChain[1] == "0" {
		t.Errorf("re-import after the chain: %q; want the count of tags on the chain's addresses", out)
	}
	out = mustCLI(t, "--case", dir, "cluster", "run")
	if onChain != nil && !strings.Contains(out, "tags: "+onChain[1]+" of "+n+" on addresses of this chain") {
		t.Errorf("cluster run: %q; want tags: %s of %s", out, onChain[1], n)
	}
	if got := sqlOne(t, dir, `SELECT count(*) FROM cluster_tags`); onChain != nil && got != onChain[1] {
		t.Errorf("cluster_tags holds %s tags; want %s", got, onChain[1])
	}

	// Quarantined at the first reading (wrong network): read again.
	dir = newCase(t)
	if _, _, code := cli(t, "--case", dir, "tags", "import", "--network", "mainnet", pack); code != exitQuarantined {
		t.Fatalf("mainnet reading of a regtest pack: exit %d; want %d", code, exitQuarantined)
	}
	if got := stored(dir); got != "0" {
		t.Fatalf("mainnet reading kept %s tags", got)
	}
	mustCLI(t, "--quiet", "--case", dir, "chain", "import", "--blocks", filepath.Join(world, "blocks"))
	out = mustCLI(t, "--case", dir, "tags", "import", pack)
	if !strings.HasPrefix(out, "re-read ") || stored(dir) != n {
		t.Errorf("re-import after the chain: %q, %s tags stored; want it read again with %s tags", out, stored(dir), n)
	}
}

// TestFullTxIDs: trap 4, txids are printed whole in the tables of tx,
// address, trace back and cluster explain.
func TestFullTxIDs(t *testing.T) {
	dir := tinyCase(t)
	tagged := sqlOne(t, dir, `SELECT address FROM tags ORDER BY address LIMIT 1`)
	txid := sqlOne(t, dir, `SELECT o.txid FROM link_outputs o JOIN links l USING (evidence_id, src_table, src_row)
		WHERE l.status = 'verified' ORDER BY o.txid LIMIT 1`)
	ref := sqlOne(t, dir, `SELECT src_table || '#' || src_row FROM payment_sources ORDER BY hops DESC, src_table, src_row LIMIT 1`)
	pair := strings.Split(sqlOne(t, dir, `SELECT string_agg(address, ' ' ORDER BY address_id) FROM (SELECT a.address, a.address_id
		FROM chain_addresses a JOIN clusters c USING (address_id) JOIN cluster_sizes s USING (cluster_id) WHERE s.size > 2
		ORDER BY c.cluster_id, a.address_id LIMIT 2)`), " ")
	full := regexp.MustCompile(`\b[0-9a-f]{64}\b`)
	for _, args := range [][]string{{"tx", txid}, {"address", tagged}, {"trace", "back", ref}, {"cluster", "explain", pair[0], pair[1]}} {
		out := mustCLI(t, append([]string{"--case", dir}, args...)...)
		if strings.Contains(out, "…") || !full.MatchString(out) {
			t.Errorf("%s: txids cut or missing:\n%s", strings.Join(args, " "), out)
		}
	}
}
