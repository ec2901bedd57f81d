package persons

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"
)

// Reasons two accounts are joined.
const (
	ReasonCluster  = "paying_cluster" // paid from one (untagged, small) cluster
	ReasonEmail    = "email"          // same normalised e-mail
	ReasonPhone    = "phone"          // same E.164 phone number
	ReasonAddress  = "btc_address"    // same recorded or paying address
	ReasonLoginIP  = "login_ip"       // logged in from the same public address
	ReasonOverride = "override"       // the investigator merged them
)

// Weak reports whether a reason is too weak to join two accounts on its
// own: a paying cluster (a wallet shared by friends, or an unlabelled
// service's), an e-mail address (typed, never verified, and name-based
// addresses collide) and a login address (VPN exits, carrier NAT, shared
// Wi-Fi). Under [Config.Corroboration] such a pair needs more evidence.
func Weak(reason string) bool {
	switch reason {
	case ReasonCluster, ReasonEmail, ReasonLoginIP:
		return true
	}
	return false
}

// Edge joins two accounts for a reason; Detail says what they share.
type Edge struct {
	A      string `json:"account_a"`
	B      string `json:"account_b"`
	Reason string `json:"reason"`
	Detail string `json:"detail"`
}

// Override is an investigator's decision about two accounts.
type Override struct {
	A, B   string
	Action string // merge or split
	Note   string
}

// Evidence is one thing an account is known by: an identifier (kind email,
// phone, btc_address) or a paying cluster (kind paying_cluster).
type Evidence struct {
	Account string
	Kind    string // one of the Reason constants
	Value   string // normalised
}

// Config bounds the grouping.
type Config struct {
	// MaxAccounts drops a shared value that joins more accounts than this:
	// an untagged exchange hot wallet or a shared office e-mail joins
	// many people, not one. 0: no bound.
	MaxAccounts int
	// MaxIPAccounts is the bound for login addresses (VPN exits and carrier
	// NAT are shared by strangers); 0: MaxAccounts.
	MaxIPAccounts int
	// Corroboration is the weak evidence two accounts need when no strong
	// reason (phone, bitcoin address, override) joins them: each distinct
	// shared login address counts one, a shared paying cluster one and a
	// shared e-mail one. 0 or 1: any weak reason joins on its own.
	Corroboration int
}

// DefaultConfig returns the measured defaults (docs/methodology.md,
// "Persons"): at most 10 accounts per shared value, 3 per login address,
// two pieces of weak evidence.
func DefaultConfig() Config { return Config{MaxAccounts: 10, MaxIPAccounts: 3, Corroboration: 2} }

// Dropped is a shared value that joined too many accounts to mean one
// person.
type Dropped struct {
	Kind     string `json:"kind"`
	Value    string `json:"value"`
	Accounts int    `json:"accounts"`
}

// Grouping is the outcome of [Group].
type Grouping struct {
	// Person maps every account to its person id: 1 + the index of the
	// person's smallest account among the persons' smallest accounts in
	// sorted order. Singletons are persons too.
	Person map[string]int `json:"-"`
	// Persons lists each person's accounts, ascending; person id i+1.
	Persons [][]string `json:"persons"`
	// Edges are the links kept after the overrides, sorted.
	Edges []Edge `json:"links"`
	// Unresolved lists split overrides whose accounts are still one person
	// through other links: the investigator must split those too.
	Unresolved []Override `json:"unresolved_splits"`
	Dropped    []Dropped  `json:"dropped"`
}

// Edges builds the links from evidence. A value shared by more than its
// bound (cfg.MaxIPAccounts for login addresses, else cfg.MaxAccounts) is
// dropped. The accounts sharing a strong value are chained to the first of
// them in sorted order (n-1 edges for n accounts). With cfg.Corroboration
// ≥ 2, weak values ([Weak]) are weighed per pair of accounts: a pair gets
// an edge for each weak value it shares when those count at least
// cfg.Corroboration (every distinct login address one, each other weak
// kind one however many values of it the pair shares); else none.
// Edges are sorted.
func Edges(ev []Evidence, cfg Config) ([]Edge, []Dropped) {
	type kv struct{ kind, value string }
	groups := map[kv][]string{}
	for _, e := range ev {
		if e.Account == "" || e.Value == "" {
			continue
		}
		k := kv{e.Kind, e.Value}
		groups[k] = append(groups[k], e.Account)
	}
	keys := make([]kv, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].kind != keys[j].kind {
			return keys[i].kind < keys[j].kind
		}
		return keys[i].value < keys[j].value
	})
	var edges []Edge
	var dropped []Dropped
	weak := map[[2]string][]kv{} // pair → the weak values it shares, in key order
	for _, k := range keys {
		accs := groups[k]
		sort.Strings(accs)
		accs = dedup(accs)
		if len(accs) < 2 {
			continue
		}
		bound := cfg.MaxAccounts
		if k.kind == ReasonLoginIP && cfg.MaxIPAccounts > 0 {
			bound = cfg.MaxIPAccounts
		}
		if bound > 0 && len(accs) > bound {
			dropped = append(dropped, Dropped{Kind: k.kind, Value: k.value, Accounts: len(accs)})
			continue
		}
		if cfg.Corroboration >= 2 && Weak(k.kind) {
			for i, a := range accs {
				for _, b := range accs[i+1:] {
					weak[[2]string{a, b}] = append(weak[[2]string{a, b}], k)
				}
			}
			continue
		}
		for _, b := range accs[1:] {
			edges = append(edges, Edge{A: accs[0], B: b, Reason: k.kind, Detail: k.value})
		}
	}
	for p, vs := range weak {
		n, kinds := 0, map[string]bool{}
		for _, v := range vs {
			switch {
			case v.kind == ReasonLoginIP:
				n++
			case !kinds[v.kind]:
				kinds[v.kind] = true
				n++
			}
		}
		if n < cfg.Corroboration {
			continue
		}
		for _, v := range vs {
			edges = append(edges, Edge{A: p[0], B: p[1], Reason: v.kind, Detail: v.value})
		}
	}
	sortEdges(edges)
	return edges, dropped
}

func sortEdges(es []Edge) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.A != b.A {
			return a.A < b.A
		}
		if a.B != b.B {
			return a.B < b.B
		}
		if a.Reason != b.Reason {
			return a.Reason < b.Reason
		}
		return a.Detail < b.Detail
	})
}

func dedup(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// pair orders two accounts.
func pair(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// Group unions accounts over edges into persons. Overrides apply first: a
// split removes every direct edge between its two accounts (whatever the
// reason), a merge adds an edge with reason override. A split does not cut
// indirect paths: if the two accounts stay joined through others, the
// split is listed in Unresolved.
func Group(accounts []string, edges []Edge, overrides []Override) *Grouping {
	split := map[[2]string]bool{}
	for _, o := range overrides {
		if o.Action == "split" {
			split[pair(o.A, o.B)] = true
		}
	}
	var kept []Edge
	for _, e := range edges {
		if !split[pair(e.A, e.B)] {
			kept = append(kept, e)
		}
	}
	for _, o := range overrides {
		if o.Action == "merge" {
			p := pair(o.A, o.B)
			delete(split, p)
			kept = append(kept, Edge{A: p[0], B: p[1], Reason: ReasonOverride, Detail: o.Note})
		}
	}
	sortEdges(kept)
	// Union-find over account indexes.
	all := append([]string(nil), accounts...)
	for _, e := range kept {
		all = append(all, e.A, e.B)
	}
	sort.Strings(all)
	all = dedup(all)
	id := make(map[string]int, len(all))
	for i, a := range all {
		id[a] = i
	}
	parent := make([]int, len(all))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, e := range kept {
		a, b := find(id[e.A]), find(id[e.B])
		if a == b {
			continue
		}
		if b < a {
			a, b = b, a
		}
		parent[b] = a // the root is the smallest account
	}
	g := &Grouping{Person: make(map[string]int, len(all)), Edges: kept}
	root := map[int]int{}
	for i, a := range all { // sorted: persons numbered by smallest account
		r := find(i)
		pid, ok := root[r]
		if !ok {
			g.Persons = append(g.Persons, nil)
			pid = len(g.Persons)
			root[r] = pid
		}
		g.Persons[pid-1] = append(g.Persons[pid-1], a)
		g.Person[a] = pid
	}
	for _, o := range overrides {
		if o.Action == "split" && split[pair(o.A, o.B)] && g.Person[o.A] != 0 && g.Person[o.A] == g.Person[o.B] {
			g.Unresolved = append(g.Unresolved, o)
		}
	}
	if g.Edges == nil {
		g.Edges = []Edge{}
	}
	return g
}

// Step is one link on the path that joins two accounts.
type Step struct {
	From string `json:"from"`
	Edge
}

// Explain returns, for every other account of account's person, the
// shortest chain of links that joins them (breadth first; ties broken by
// account order).
func (g *Grouping) Explain(account string) (map[string][]Step, error) {
	pid, ok := g.Person[account]
	if !ok {
		return nil, fmt.Errorf("account %q: not in the grouping", account)
	}
	adj := map[string][]Edge{}
	for _, e := range g.Edges {
		if g.Person[e.A] != pid {
			continue
		}
		adj[e.A] = append(adj[e.A], e)
		adj[e.B] = append(adj[e.B], e)
	}
	prev := map[string]Step{account: {}}
	queue := []string{account}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		es := adj[cur]
		sort.SliceStable(es, func(i, j int) bool { return other(es[i], cur) < other(es[j], cur) })
		for _, e := range es {
			o := other(e, cur)
			if _, seen := prev[o]; seen {
				continue
			}
			prev[o] = Step{From: cur, Edge: e}
			queue = append(queue, o)
		}
	}
	out := map[string][]Step{}
	for _, m := range g.Persons[pid-1] {
		if m == account {
			continue
		}
		var path []Step
		for at := m; at != account; at = prev[at].From {
			path = append(path, prev[at])
		}
		for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
			path[i], path[j] = path[j], path[i]
		}
		out[m] = path
	}
	return out, nil
}

func other(e Edge, a string) string {
	if e.A == a {
		return e.B
	}
	return e.A
}

// NormPhone returns s when it is an E.164 number (+, a non-zero digit,
// 7 to 15 digits in all), else "": junk such as "+", "n/a" or "07" in a
// phone column must not join strangers.
func NormPhone(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 16 || s[0] != '+' || s[1] == '0' {
		return ""
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return s
}

// NormIP returns the canonical form of a login address, or "" when it is
// not a public unicast address: private, loopback, link-local, carrier NAT
// (100.64.0.0/10) and documentation addresses are shared by strangers.
func NormIP(s string) string {
	a, err := netip.ParseAddr(strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	a = a.Unmap().WithZone("")
	if !a.IsGlobalUnicast() || a.IsPrivate() {
		return ""
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return ""
		}
	}
	return a.String()
}

var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.2.0/24"),    // TEST-NET-1
	netip.MustParsePrefix("198.51.100.0/24"), // TEST-NET-2
	netip.MustParsePrefix("203.0.113.0/24"),  // TEST-NET-3
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
}

// NormEmail lower-cases an e-mail address and trims it; "" when it has no @.
func NormEmail(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if !strings.Contains(s, "@") {
		return ""
	}
	return s
}
