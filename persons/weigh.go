package persons

import (
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"

	"github.com/coinsift/coinsift/seized/detect"
)

// Kinds of evidence, and the reasons two accounts are joined.
const (
	ReasonCluster  = "paying_cluster"  // paid from one (untagged, not an exchange's) cluster
	ReasonEmail    = "email"           // same normalised e-mail ([NormEmail])
	ReasonPhone    = "phone"           // same E.164 phone number
	ReasonAddress  = "btc_address"     // same bitcoin address the customer gave (not a deposit address)
	ReasonDeposit  = "deposit_address" // same service-assigned deposit address, paid from one cluster
	ReasonLoginIP  = "login_ip"        // logged in from the same public addresses of one network
	ReasonOverride = "override"        // the investigator merged them
)

// Messengers are the identifier kinds of messenger handles, each
// normalised by [NormHandle]; "xmpp" is read as "jabber" (detect.Messengers).
var Messengers = detect.Messengers

// IsMessenger reports whether kind is a messenger handle kind.
func IsMessenger(kind string) bool { return detect.IsMessenger(kind) }

// Edge joins two accounts by one piece of evidence. Reason is the kind of
// evidence (kept under this name for readers of persons/v2), Detail what
// the accounts share, Strength what the piece weighed (0 when it was
// discounted) and Rows the seized rows or payments behind it, per account.
type Edge struct {
	A        string  `json:"account_a"`
	B        string  `json:"account_b"`
	Reason   string  `json:"kind"`
	Detail   string  `json:"detail"`
	Strength float64 `json:"strength"`
	Rows     string  `json:"rows,omitempty"`
}

// Evidence is one thing an account is known by: an identifier (kind email,
// phone, btc_address, a messenger kind), a login address (login_ip), a
// paying cluster (paying_cluster) or a deposit address with the cluster
// that paid it (deposit_address, Value from [Deposit]).
type Evidence struct {
	Account string
	Kind    string // a Reason constant or a messenger kind
	Value   string // normalised
	// Row names where it was read (e.g. "users#12" or "payment p:7"), for
	// the explanation; "" when unknown.
	Row string
	// Holders is, for a deposit address, how many accounts the seized
	// payments name it for, paid or not (0: unknown; the accounts whose
	// evidence holds it are counted in any case).
	Holders int
}

// Deposit is the value of a deposit address paid from a cluster: only two
// accounts paying one address from one wallet share it.
func Deposit(address string, cluster uint32) string {
	return address + depositFrom + strconv.FormatUint(uint64(cluster), 10)
}

const depositFrom = " from cluster "

// depositAddress returns the address of a [Deposit] value.
func depositAddress(v string) string {
	a, _, _ := strings.Cut(v, depositFrom)
	return a
}

// depositCluster returns the paying cluster of a [Deposit] value, as a
// paying_cluster value.
func depositCluster(v string) string {
	_, c, _ := strings.Cut(v, depositFrom)
	return c
}

// Config bounds and weighs the grouping.
type Config struct {
	// MaxAccounts: an identifier or paying cluster shared by more accounts
	// than this is not one person's (an untagged hot wallet, a shared
	// office e-mail, junk typed by many): it contributes nothing and is
	// listed in Dropped. 0: no bound.
	MaxAccounts int
	// MaxIPAccounts is the bound for one login address (VPN exits and
	// carrier NAT are shared by strangers); 0: MaxAccounts.
	MaxIPAccounts int
	// PoolAccounts: a network (IPv4 /24, IPv6 /48) whose addresses were
	// used by more accounts than this is a pool — a VPN or hosting
	// provider's exits, a carrier's dynamic range — and its addresses weigh
	// Strength["login_ip_pool"]. 0: no network is a pool.
	PoolAccounts int
	// CountryOf gives the country of a public address ("" when unknown);
	// nil: no network is judged by country. With it, a network is also a
	// pool when most accounts that logged in from it are at home in
	// another country (the country of most of their addresses): a VPN or
	// hosting provider's exits, a hotel's or an airport's Wi-Fi.
	CountryOf func(ip string) string
	// MaxDepositAccounts: a deposit address that more accounts than this
	// paid (from any wallet) is the service's address for many customers —
	// one static address, or one recycled again and again — and is no
	// evidence at all, even paid from one cluster by two of them (an
	// untagged exchange or payment processor pays many customers'
	// invoices). 0: no bound.
	MaxDepositAccounts int
	// Strength weighs each kind of evidence (see [DefaultStrength]); a pair
	// of accounts joins when the pieces it shares sum to at least 1.
	// Missing kinds weigh as in DefaultStrength.
	Strength map[string]float64
}

// DefaultStrength is the weight of one piece of evidence of each kind,
// measured on the small worlds (docs/methodology.md, "Persons"). A piece
// of 1 joins on its own; weaker ones need others that are independent.
var DefaultStrength = map[string]float64{
	ReasonPhone:     1,
	ReasonAddress:   1,
	ReasonDeposit:   1,
	ReasonEmail:     0.5,
	ReasonCluster:   0.5,
	ReasonLoginIP:   0.5,
	"login_ip_pool": 0.25,
	"messenger":     1,
	ReasonOverride:  1,
}

func (c Config) strength(kind string) float64 {
	k := kind
	if IsMessenger(kind) {
		k = "messenger"
	}
	if v, ok := c.Strength[kind]; ok {
		return v
	}
	if v, ok := c.Strength[k]; ok {
		return v
	}
	return DefaultStrength[k]
}

// DefaultConfig returns the measured defaults (docs/methodology.md,
// "Persons").
func DefaultConfig() Config {
	return Config{MaxAccounts: 5, MaxIPAccounts: 3, MaxDepositAccounts: 2}
}

// Dropped is a shared value that contributed nothing: shared by more
// accounts than its bound, or junk.
type Dropped struct {
	Kind     string `json:"kind"`
	Value    string `json:"value"`
	Accounts int    `json:"accounts"`
	Why      string `json:"why"` // shared, junk, service_address, shared_wallet
}

// Rejected is a pair of accounts that shared evidence summing to less than
// 1: considered and not joined. Pieces are its evidence, as edges.
type Rejected struct {
	A        string  `json:"account_a"`
	B        string  `json:"account_b"`
	Strength float64 `json:"strength"`
	Pieces   []Edge  `json:"pieces"`
}

// Weighing is the outcome of [Weigh].
type Weighing struct {
	Edges    []Edge     // every piece of evidence of each joined pair, sorted
	Rejected []Rejected // pairs considered and not joined, sorted
	Dropped  []Dropped  // values that contributed nothing, sorted
}

// Edges returns [Weigh]'s edges and dropped values.
func Edges(ev []Evidence, cfg Config) ([]Edge, []Dropped) {
	w := Weigh(ev, cfg)
	return w.Edges, w.Dropped
}

// Network returns the network a public login address is counted in: its
// IPv4 /24 or IPv6 /48. Several addresses of one network shared by two
// accounts are one piece of evidence: a provider hands a household, or two
// strangers, addresses from one dynamic pool.
func Network(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	bits := 48
	if a.Is4() {
		bits = 24
	}
	p, _ := a.Prefix(bits)
	return p.String()
}

// kv is a kind of evidence and a value of it.
type kv struct{ kind, value string }

// piece is one piece of evidence a pair of accounts shares.
type piece struct {
	kind, key string   // key: the value, or the network of login addresses
	values    []string // what they share
	rows      []string
	strength  float64
	note      string // why a network is a pool, or why it weighs nothing
}

// dualStack discounts the login networks of one pair that may be one
// place: a home with IPv4 and IPv6 gives every device in it the same
// IPv4 address and addresses of one IPv6 prefix, so two people living
// there share an IPv4 network and an IPv6 network without being one. When
// a pair shares networks of both families, those of the family with fewer
// (IPv6 on a tie) weigh nothing: the pair's login evidence counts as many
// places as the larger family has networks.
func dualStack(pcs map[kv]*piece) {
	var v4, v6 []*piece
	for k, pc := range pcs {
		if k.kind != ReasonLoginIP {
			continue
		}
		if strings.Contains(k.value, ":") {
			v6 = append(v6, pc)
		} else {
			v4 = append(v4, pc)
		}
	}
	if len(v4) == 0 || len(v6) == 0 {
		return
	}
	zero := v6
	if len(v4) < len(v6) {
		zero = v4
	}
	for _, pc := range zero {
		pc.strength = 0
		if pc.note != "" {
			pc.note += "; "
		}
		pc.note += "may be the same place as the pair's other-family network: IPv4 and IPv6 of one dual-stack home"
	}
}

// maxRows bounds the rows named per account in an edge.
const maxRows = 4

// Weigh weighs the evidence two accounts share, pair by pair. Each shared
// value is one piece, weighing cfg's strength of its kind, except:
//   - a value shared by more accounts than its bound (cfg.MaxIPAccounts for
//     login addresses, else cfg.MaxAccounts) or junk ([Junk]) is dropped;
//   - the paying clusters two accounts share are one piece, and so are
//     their e-mail addresses: friends who share a wallet share its change
//     clusters too;
//   - the login addresses two accounts share in one network ([Network])
//     are one piece, weighing login_ip_pool when the network is a pool
//     ([Config.PoolAccounts], [Config.CountryOf]); when they share IPv4
//     and IPv6 networks, those of the family with fewer weigh nothing (a
//     dual-stack home is one place);
//   - a deposit address counts only with the cluster that paid it
//     ([Deposit]): a service hands one address to several customers; and
//     not at all when more accounts than cfg.MaxDepositAccounts paid it or
//     were handed it ([Evidence.Holders]; a static or much recycled
//     address: dropped, why service_address),
//     nor when the cluster that paid it paid for more accounts than
//     cfg.MaxAccounts (an exchange's or processor's wallet, untagged: why
//     shared_wallet).
//
// A pair joins when its pieces sum to at least 1 (each a kind's strength,
// at most 1; its login addresses together at most one login_ip piece). Its pieces become edges; a pair under 1 is Rejected.
func Weigh(ev []Evidence, cfg Config) *Weighing {
	groups := map[kv]map[string][]string{} // value → account → rows
	netAccounts := map[string]map[string]bool{}
	depAccounts := map[string]map[string]bool{} // deposit address → accounts that paid it
	wallets := map[string]map[string]bool{}     // paying cluster → accounts it paid for
	holders := map[string]int{}                 // deposit address → accounts the payments name it for
	paidFor := func(c, acc string) {
		if wallets[c] == nil {
			wallets[c] = map[string]bool{}
		}
		wallets[c][acc] = true
	}
	for _, e := range ev {
		if e.Account == "" || e.Value == "" {
			continue
		}
		k := kv{e.Kind, e.Value}
		if groups[k] == nil {
			groups[k] = map[string][]string{}
		}
		rows := groups[k][e.Account]
		if e.Row != "" && len(rows) < maxRows && (len(rows) == 0 || rows[len(rows)-1] != e.Row) {
			rows = append(rows, e.Row)
		}
		groups[k][e.Account] = rows
		if e.Kind == ReasonDeposit {
			a := depositAddress(e.Value)
			if depAccounts[a] == nil {
				depAccounts[a] = map[string]bool{}
			}
			depAccounts[a][e.Account] = true
			paidFor(depositCluster(e.Value), e.Account)
			if e.Holders > holders[a] {
				holders[a] = e.Holders
			}
		}
		if e.Kind == ReasonCluster {
			paidFor(e.Value, e.Account)
		}
		if e.Kind == ReasonLoginIP {
			n := Network(e.Value)
			if netAccounts[n] == nil {
				netAccounts[n] = map[string]bool{}
			}
			netAccounts[n][e.Account] = true
		}
	}
	pools := newPools(ev, netAccounts, cfg)
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
	w := &Weighing{}
	shared := map[[2]string]map[kv]*piece{}
	for _, k := range keys {
		byAcc := groups[k]
		if len(byAcc) < 2 {
			continue
		}
		accs := make([]string, 0, len(byAcc))
		for a := range byAcc {
			accs = append(accs, a)
		}
		sort.Strings(accs)
		bound := cfg.MaxAccounts
		if k.kind == ReasonLoginIP && cfg.MaxIPAccounts > 0 {
			bound = cfg.MaxIPAccounts
		}
		if bound > 0 && len(accs) > bound {
			w.Dropped = append(w.Dropped, Dropped{Kind: k.kind, Value: k.value, Accounts: len(accs), Why: "shared"})
			continue
		}
		if n := max(len(depAccounts[depositAddress(k.value)]), holders[depositAddress(k.value)]); k.kind == ReasonDeposit && cfg.MaxDepositAccounts > 0 && n > cfg.MaxDepositAccounts {
			w.Dropped = append(w.Dropped, Dropped{Kind: k.kind, Value: k.value, Accounts: n, Why: "service_address"})
			continue
		}
		if n := len(wallets[depositCluster(k.value)]); k.kind == ReasonDeposit && cfg.MaxAccounts > 0 && n > cfg.MaxAccounts {
			w.Dropped = append(w.Dropped, Dropped{Kind: k.kind, Value: k.value, Accounts: n, Why: "shared_wallet"})
			continue
		}
		if Junk(k.kind, k.value) {
			w.Dropped = append(w.Dropped, Dropped{Kind: k.kind, Value: k.value, Accounts: len(accs), Why: "junk"})
			continue
		}
		pk, s, note := kv{k.kind, k.value}, cfg.strength(k.kind), ""
		switch {
		case k.kind == ReasonCluster || k.kind == ReasonEmail:
			pk = kv{k.kind, ""} // two wallets, or two addresses, of one pair are one piece
		case k.kind == ReasonLoginIP:
			n := Network(k.value)
			pk = kv{k.kind, n}
			if why := pools.why(n); why != "" {
				s, note = cfg.strength("login_ip_pool"), why
			}
		}
		s = min(max(s, 0), 1)
		for i, a := range accs {
			for _, b := range accs[i+1:] {
				p := [2]string{a, b}
				if shared[p] == nil {
					shared[p] = map[kv]*piece{}
				}
				pc := shared[p][pk]
				if pc == nil {
					pc = &piece{kind: k.kind, key: pk.value, strength: s, note: note}
					shared[p][pk] = pc
				}
				pc.values = append(pc.values, k.value)
				pc.rows = append(pc.rows, rowsOf(a, byAcc[a]), rowsOf(b, byAcc[b]))
			}
		}
	}
	for p, pcs := range shared {
		dualStack(pcs)
		edges := make([]Edge, 0, len(pcs))
		for _, pc := range pcs {
			detail := strings.Join(pc.values, " ")
			if pc.kind == ReasonLoginIP && len(pc.values) > 1 {
				detail = pc.key + ": " + detail
			}
			if pc.note != "" {
				detail += " (" + pc.note + ")"
			}
			edges = append(edges, Edge{A: p[0], B: p[1], Reason: pc.kind, Detail: detail, Strength: pc.strength,
				Rows: joinRows(pc.rows)})
		}
		sortEdges(edges)
		// In edge order: the same sum on every run. Login addresses, of
		// however many networks, weigh together at most one login_ip
		// piece: an IP address is never enough alone (a household, a
		// carrier's NAT pool and a shared VPN exit are places strangers
		// share), so a pair joins on them only with evidence of another kind.
		var sum, ipSum float64
		for _, e := range edges {
			if e.Reason == ReasonLoginIP {
				ipSum += e.Strength
				continue
			}
			sum += e.Strength
		}
		sum += min(ipSum, min(max(cfg.strength(ReasonLoginIP), 0), 1))
		if sum >= 1-1e-9 {
			w.Edges = append(w.Edges, edges...)
			continue
		}
		w.Rejected = append(w.Rejected, Rejected{A: p[0], B: p[1], Strength: round3(sum), Pieces: edges})
	}
	sortEdges(w.Edges)
	sort.Slice(w.Rejected, func(i, j int) bool {
		if w.Rejected[i].A != w.Rejected[j].A {
			return w.Rejected[i].A < w.Rejected[j].A
		}
		return w.Rejected[i].B < w.Rejected[j].B
	})
	return w
}

func round3(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 3, 64), 64)
	return v
}

// rowsOf names an account's rows: "ACCOUNT: r1, r2".
func rowsOf(acc string, rows []string) string {
	if len(rows) == 0 {
		return ""
	}
	return acc + ": " + strings.Join(rows, ", ")
}

// joinRows merges per-account row lists, each account once.
func joinRows(rs []string) string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rs {
		if r == "" || seen[r] {
			continue
		}
		seen[r] = true
		out = append(out, r)
	}
	return strings.Join(out, "; ")
}

// Kinds lists the kinds of r's pieces, sorted, ','-separated.
func (r Rejected) Kinds() string {
	var ks []string
	for _, p := range r.Pieces {
		if len(ks) == 0 || ks[len(ks)-1] != p.Reason {
			ks = append(ks, p.Reason)
		}
	}
	sort.Strings(ks)
	return strings.Join(dedup(ks), ",")
}

// Describe says in words why a pair was not joined.
func (r Rejected) Describe() string {
	var parts []string
	for _, p := range r.Pieces {
		parts = append(parts, fmt.Sprintf("%s %s (%.2f)", p.Reason, p.Detail, p.Strength))
	}
	return fmt.Sprintf("%s; total %.2f < 1", strings.Join(parts, ", "), r.Strength)
}

// pools judges which networks are pools (see [Config.PoolAccounts] and
// [Config.CountryOf]).
type pools struct {
	cfg         Config
	netAccounts map[string]map[string]bool
	home        map[string]string // account → home country
	netCountry  map[string]string
}

func newPools(ev []Evidence, netAccounts map[string]map[string]bool, cfg Config) *pools {
	p := &pools{cfg: cfg, netAccounts: netAccounts, home: map[string]string{}, netCountry: map[string]string{}}
	if cfg.CountryOf == nil {
		return p
	}
	count := map[string]map[string]int{} // account → country → distinct addresses
	for _, e := range ev {
		if e.Kind != ReasonLoginIP || e.Account == "" || e.Value == "" {
			continue
		}
		c := cfg.CountryOf(e.Value)
		if n := Network(e.Value); p.netCountry[n] == "" {
			p.netCountry[n] = c
		}
		if c == "" {
			continue
		}
		if count[e.Account] == nil {
			count[e.Account] = map[string]int{}
		}
		count[e.Account][c]++
	}
	for a, cs := range count {
		best := ""
		for c, n := range cs {
			if best == "" || n > cs[best] || n == cs[best] && c < best {
				best = c
			}
		}
		p.home[a] = best
	}
	return p
}

// why says why network n is a pool, or "" when it is not.
func (p *pools) why(n string) string {
	accs := p.netAccounts[n]
	if p.cfg.PoolAccounts > 0 && len(accs) > p.cfg.PoolAccounts {
		return fmt.Sprintf("pool: %d accounts in %s", len(accs), n)
	}
	c := p.netCountry[n]
	if p.cfg.CountryOf == nil || c == "" {
		return ""
	}
	away, homes := 0, map[string]bool{}
	for a := range accs {
		if h := p.home[a]; h != "" && h != c {
			away++
			homes[h] = true
		}
	}
	if 2*away > len(accs) && len(homes) >= 2 {
		return fmt.Sprintf("pool: %d of %d accounts in %s at home outside %s, in %d countries", away, len(accs), n, c, len(homes))
	}
	return ""
}
