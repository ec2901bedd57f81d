package persons_test

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/persons"
)

// population is a hand-made customer base of a service unlike the one our
// world generator writes, with the truth of who is whom: people with
// several accounts that share some identifiers (written differently:
// Gmail dots and +tags, @handles and t.me links, bare and resourced
// JIDs), households sharing a home address (dual-stack homes: its IPv6
// prefix too), strangers behind one VPN
// provider, junk e-mails and phones typed by many, an untagged exchange
// paying many customers' invoices to the service's one static address,
// and per-invoice addresses recycled to strangers.
type population struct {
	ev     []persons.Evidence
	person map[string]int // account → true person
}

func newPopulation(seed int64, people int) *population {
	r := rand.New(rand.NewSource(seed))
	p := &population{person: map[string]int{}}
	add := func(acc, kind, v string) {
		if v != "" {
			p.ev = append(p.ev, persons.Evidence{Account: acc, Kind: kind, Value: v, Row: "fixture"})
		}
	}
	gmailVariant := func(local string, n int) string { // what account n of one person typed
		switch n % 3 {
		case 1:
			return strings.ToUpper(local[:1]) + local[1:2] + "." + local[2:] + "@googlemail.com"
		case 2:
			return local + "+shop@Gmail.com"
		}
		return local + "@gmail.com"
	}
	recycled := 0
	for i := 0; i < people; i++ {
		n := 1
		switch x := r.Intn(100); {
		case x < 12:
			n = 2
		case x < 15:
			n = 3
		}
		home := fmt.Sprintf("81.2.%d.%d", i/200, i%200+1)
		if i%10 == 1 { // household: lives with person i-1
			home = fmt.Sprintf("81.2.%d.%d", (i-1)/200, (i-1)%200+1)
		}
		home6 := i
		if i%10 == 1 {
			home6 = i - 1
		}
		local := fmt.Sprintf("cust%04dx", i)
		phone := fmt.Sprintf("+4474%08d", 10_000_000+i*7919%90_000_000)
		handle := fmt.Sprintf("nightowl%d", i)
		wallet := 10_000 + i
		usesPhone, usesHandle, usesWallet := r.Intn(100) < 40, r.Intn(100) < 30, r.Intn(100) < 50
		for k := 0; k < n; k++ {
			acc := fmt.Sprintf("u%04d-%d", i, k)
			p.person[acc] = i
			switch {
			case r.Intn(100) < 6:
				add(acc, persons.ReasonEmail, persons.NormEmail("test@test.com"))
			default:
				add(acc, persons.ReasonEmail, persons.NormEmail(gmailVariant(local, k)))
			}
			switch {
			case usesPhone:
				add(acc, persons.ReasonPhone, persons.NormPhone(phone))
			case r.Intn(100) < 5:
				add(acc, persons.ReasonPhone, persons.NormPhone("+440000000000"))
			}
			if usesHandle {
				h := []string{"@" + strings.Title(handle), "https://t.me/" + handle, handle}[k%3] //nolint:staticcheck // a fixture
				add(acc, "telegram", persons.NormHandle("telegram", h))
			}
			add(acc, persons.ReasonLoginIP, persons.NormIP(home))
			if i%2 == 1 || i%10 == 0 { // a dual-stack home: its IPv6 prefix too
				add(acc, persons.ReasonLoginIP, persons.NormIP(fmt.Sprintf("2a02:c7f:%x:%x::%x", home6/256, home6%256, k+1)))
			}
			if r.Intn(100) < 20 { // one VPN provider's exits, used by many
				add(acc, persons.ReasonLoginIP, persons.NormIP(fmt.Sprintf("185.65.134.%d", r.Intn(8)+1)))
			}
			if r.Intn(100) < 10 { // carrier NAT: not evidence at all
				add(acc, persons.ReasonLoginIP, persons.NormIP(fmt.Sprintf("100.64.0.%d", r.Intn(4)+1)))
			}
			// Payments: to the static address, from the person's own
			// wallet or from the untagged exchange; to a per-invoice
			// address, recycled to a stranger now and then.
			from := uint32(7) // the exchange's hot wallet
			if usesWallet {
				from = uint32(wallet)
			}
			if r.Intn(100) < 40 {
				add(acc, persons.ReasonDeposit, persons.Deposit("bc1qstatic", from))
			}
			if from != 7 {
				add(acc, persons.ReasonCluster, fmt.Sprint(from))
			}
			if r.Intn(100) < 10 {
				recycled++
				add(acc, persons.ReasonDeposit, persons.Deposit(fmt.Sprintf("bc1qinvoice%d", recycled/2), from))
			}
		}
	}
	return p
}

// figure is one signal's or the rule's pairwise precision and recall.
type figure struct {
	pairs, truePairs int
	precision        float64
	recall           float64
}

func (f figure) String() string {
	return fmt.Sprintf("%d pairs, precision %.3f, recall %.3f", f.pairs, f.precision, f.recall)
}

// score scores a set of account pairs against the truth.
func (p *population) score(pairs map[[2]string]bool) figure {
	var f figure
	truePairs := 0
	byPerson := map[int]int{}
	for _, pr := range p.person {
		byPerson[pr]++
	}
	for _, n := range byPerson {
		truePairs += n * (n - 1) / 2
	}
	f.pairs, f.truePairs = len(pairs), truePairs
	right := 0
	for pr := range pairs {
		if p.person[pr[0]] == p.person[pr[1]] {
			right++
		}
	}
	if len(pairs) > 0 {
		f.precision = float64(right) / float64(len(pairs))
	}
	f.recall = float64(right) / float64(truePairs)
	return f
}

// TestSignalsOnHandMadePopulation measures each kind of evidence on its
// own (pairs of accounts sharing a value of it, before any bound) and the
// rule as a whole on hand-made populations: the rule must join no
// strangers, and it must still find most of what the strong identifiers
// show.
func TestSignalsOnHandMadePopulation(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			p := newPopulation(seed, 1500)
			cfg := persons.DefaultConfig()
			cfg.CountryOf = func(ip string) string {
				if strings.HasPrefix(ip, "185.65.134.") {
					return "SE"
				}
				return "GB"
			}
			byKind := map[string]map[[2]string]bool{}
			vals := map[[2]string][]string{}
			for _, e := range p.ev {
				k := [2]string{e.Kind, e.Value}
				vals[k] = append(vals[k], e.Account)
			}
			for k, accs := range vals {
				sort.Strings(accs)
				for i, a := range accs {
					for _, b := range accs[i+1:] {
						if a == b {
							continue
						}
						if byKind[k[0]] == nil {
							byKind[k[0]] = map[[2]string]bool{}
						}
						byKind[k[0]][[2]string{a, b}] = true
					}
				}
			}
			kinds := make([]string, 0, len(byKind))
			for k := range byKind {
				kinds = append(kinds, k)
			}
			sort.Strings(kinds)
			for _, k := range kinds {
				t.Logf("%-16s %s", k, p.score(byKind[k]))
			}
			accounts := make([]string, 0, len(p.person))
			for a := range p.person {
				accounts = append(accounts, a)
			}
			sort.Strings(accounts)
			w := persons.Weigh(p.ev, cfg)
			g := persons.Group(accounts, w.Edges, nil)
			joined := map[[2]string]bool{}
			for _, accs := range g.Persons {
				for i, a := range accs {
					for _, b := range accs[i+1:] {
						joined[[2]string{a, b}] = true
					}
				}
			}
			rule := p.score(joined)
			t.Logf("%-16s %s", "rule (persons/v4)", rule)
			if rule.precision < 1 {
				for pr := range joined {
					if p.person[pr[0]] != p.person[pr[1]] {
						t.Errorf("strangers %s and %s joined", pr[0], pr[1])
					}
				}
			}
			// What phones and handles show alone (true pairs, none junk).
			if rule.recall < 0.45 {
				t.Errorf("rule recall %.3f; want at least 0.45 (what the strong identifiers show)", rule.recall)
			}
		})
	}
}
