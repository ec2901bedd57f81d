package world

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

type actorType uint8

const (
	actService actorType = iota
	actAdmin
	actCustomer
	actExchange
	actShop
	actPool
	actBackground
	actCoordinator
)

var actorTypeNames = [...]string{"service", "admin", "customer", "exchange", "shop", "miner", "background", "coinjoin_coordinator"}

type actor struct {
	typ     actorType
	name    string
	country string
}

type walletKind uint8

const (
	wkServiceDeposit walletKind = iota
	wkServiceConsolidation
	wkAdmin
	wkPersonal
	wkHop
	wkExchange
	wkExchangeCold
	wkShop
	wkPool
	wkBackground
	wkCoordinator
)

var walletKindNames = [...]string{"service_deposit", "service_consolidation", "admin", "personal", "hop", "exchange_hot", "exchange_cold", "shop", "pool", "background", "coordinator"}

// behaviour is a wallet's software and habits, drawn once per wallet.
type behaviour struct {
	kind         addrKind // receive type before upgrade
	upKind       addrKind // receive type after upgrade
	upgrade      int64    // unix time of the upgrade; 0 never
	reuse        float64  // probability of receiving on an old address
	changeSame   bool     // change takes the first input's script type
	changeReuse  bool     // change goes back to the first input's address
	roundBTC     float64  // probability that own payments are round BTC amounts
	feeMult      float64  // multiplier on the market fee rate
	antiSnipe    bool     // nLockTime = tip height
	rbf          bool     // signal opt-in RBF
	version      int32    // transaction version
	changeLast   bool     // change is the last output (else random position)
	largestFirst bool     // coin selection: largest coins first (else random)
}

func (b *behaviour) kindAt(t int64) addrKind {
	if b.upgrade != 0 && t >= b.upgrade {
		return b.upKind
	}
	return b.kind
}

// drawBehaviour draws a wallet's habits. SegWit and Taproot adoption rise over
// the timeline: the later a wallet upgrades, the likelier it is to go to
// P2WPKH, and Taproot exists only after its activation (Nov 2021).
func drawBehaviour(r *rand.Rand) behaviour {
	var b behaviour
	b.kind = addrKind(weighted(r, []float64{32, 30, 38, 0}))
	if b.kind != kP2WPKH && chance(r, 0.45) {
		b.upgrade = Start.Unix() + r.Int64N(int64(End.Sub(Start).Seconds()))
		b.upKind = kP2WPKH
	}
	taproot := time.Date(2021, 11, 14, 0, 0, 0, 0, time.UTC).Unix()
	if chance(r, 0.07) {
		b.upgrade = taproot + r.Int64N(End.Unix()-taproot)
		b.upKind = kP2TR
	}
	b.reuse = []float64{0, 0, 0.05, 0.3, 0.8}[r.IntN(5)]
	b.changeSame = chance(r, 0.8)
	b.changeReuse = chance(r, 0.06)
	b.roundBTC = []float64{0.1, 0.3, 0.6}[r.IntN(3)]
	b.feeMult = lognormal(r, 1, 0.5)
	b.antiSnipe = chance(r, 0.5)
	b.rbf = chance(r, 0.3)
	b.version = 2
	if chance(r, 0.25) {
		b.version = 1
	}
	b.changeLast = chance(r, 0.25)
	b.largestFirst = chance(r, 0.5)
	return b
}

type utxo struct {
	hash     [32]byte
	index    uint32
	value    int64
	addr     uint32
	matureAt int32
}

type wallet struct {
	id        uint32
	actor     uint32
	kind      walletKind
	beh       behaviour
	utxos     []utxo
	inbox     []utxo // deposits awaiting a sweep (exchanges, the service)
	bal       int64  // sum of utxos (not inbox)
	recv      []uint32
	person    int32 // owning person, -1 if none
	exchange  int32 // home exchange, -1 if none
	next      int32 // for hop wallets: the wallet it forwards to
	mixer     bool  // takes part in CoinJoins
	topupDue  int64 // a top-up is under way until this time
	lastTopup int32 // exchange that last funded it
}

type payMode uint8

const (
	payDirect   payMode = iota // exchange withdrawal straight to the deposit address
	payWallet                  // personal wallet funded by an exchange
	payHops                    // personal wallet funded through hop wallets
	payCoinJoin                // personal wallet that mixes first
	payShared                  // pays from another person's wallet
)

var payModeNames = [...]string{"exchange_direct", "wallet", "wallet_hops", "coinjoin", "shared_wallet"}

type person struct {
	actor    uint32
	country  int // index in countries
	first    string
	last     string
	phone    string // E.164
	email    string // of the first account
	mode     payMode
	exchange int   // home exchange
	wallet   int32 // paying wallet (-1 for direct)
	hops     []int32
	accounts []int32
	nets     netUse
	clock    clock
	owl      bool
	uas      []int
	// household numbers the persons sharing a home address (-1 none;
	// other families only).
	household int32
}

type accountKind uint8

const (
	accNormal accountKind = iota
	accTest
	accDuplicate
)

var accountKindNames = [...]string{"normal", "test", "duplicate"}

type account struct {
	person   int32 // -1 for test accounts
	kind     accountKind
	dupOf    int32
	username string
	email    string
	phone    string // as typed; "" means NULL
	phoneE   string // the number typed, in E.164 ("" none)
	telegram string // messenger handles as typed ("" none); other families only
	jabber   string
	created  int64
	referrer int32 // account index +1; 0 none
	salt     [16]byte
	pwHash   [32]byte

	// telegramID and jabberID are the handles' canonical forms (lower
	// case, no @ or t.me/, no resource; "" none or junk); junk has a bit
	// per junk identifier (junkEmail …). Other families only.
	telegramID string
	jabberID   string
	junk       uint8
}

type invStatus uint8

const (
	invPaid invStatus = iota
	invExpired
	invPending
)

var invStatusNames = [...]string{"paid", "expired", "pending"}

// invNoise is how an invoice's payment departs from the ideal one.
type invNoise uint8

const (
	noiseNone    invNoise = iota
	noisePartial          // pays 90–99 % of the amount
	noiseOver             // pays 101–110 % of the amount
	noiseLate             // pays 1–5 days after the invoice expired
	noiseSplit            // pays in two transactions
	noiseFake             // never pays; the processor records it as paid
)

// invoiceExpiry is how long an invoice's quote is valid.
const invoiceExpiry = 24 * 3600

// truthStatus is what really happened to an invoice (truth/invoices.tsv).
type truthStatus uint8

const (
	tsVerified truthStatus = iota
	tsPartial
	tsOverpaid
	tsLate
	tsSplit
	tsUnpaid
	tsFakePaid
)

var truthStatusNames = [...]string{"verified", "partial", "overpaid", "late", "split", "unpaid", "fake_paid"}

// payment is one on-chain output paying an invoice.
type payment struct {
	txid   [32]byte
	vout   uint32
	height int32
	at     int64 // block time
	wallet int32 // paying wallet, -1 for a direct exchange withdrawal
	source int32 // funding exchange
	value  int64
}

type invoice struct {
	account  int32
	pkg      int
	pence    int64
	rate     int64 // pence per BTC
	sats     int64
	addr     uint32
	created  int64
	status   invStatus // planned: paid (to be paid on chain) or not
	noise    invNoise
	recorded bool // the processor recorded the txid
	accept   bool // an administrator credits it by hand if it is late or short
	dup      bool // the row appears twice in the dump
	dupOf    int32
	pays     []payment // filled in by the chain, in confirmation order
	fiat     int64     // other families: the price in US cents
	fiatRate int64     // other families: US cents per BTC when priced
}

// paidSats is the sum of the invoice's on-chain payments.
func (inv *invoice) paidSats() int64 {
	var s int64
	for _, p := range inv.pays {
		s += p.value
	}
	return s
}

// truth classifies what happened, in this order of precedence: unpaid or
// fake_paid (nothing on chain), partial (less than the amount), overpaid,
// split (two or more transactions), late (the last payment confirmed after
// the expiry), verified.
func (inv *invoice) truth() truthStatus {
	paid := inv.paidSats()
	switch {
	case len(inv.pays) == 0 && inv.noise == noiseFake:
		return tsFakePaid
	case len(inv.pays) == 0:
		return tsUnpaid
	case paid < inv.sats:
		return tsPartial
	case paid > inv.sats:
		return tsOverpaid
	case len(inv.pays) > 1:
		return tsSplit
	case inv.pays[len(inv.pays)-1].at > inv.created+invoiceExpiry:
		return tsLate
	}
	return tsVerified
}

// seized is the status the processor recorded, and whether the txid is in
// the row: it credits complete and overpaid payments, accepts some
// underpayments and late payments by hand (40 %), and
// for a few invoices records a payment that never happened.
func (inv *invoice) seized() (invStatus, bool) {
	switch inv.truth() {
	case tsFakePaid:
		return invPaid, false
	case tsUnpaid:
		if inv.status == invPending {
			return invPending, false
		}
		return invExpired, false
	case tsPartial:
		if inv.accept {
			return invPaid, inv.recorded
		}
		return invExpired, false
	case tsLate:
		if inv.accept {
			return invPaid, inv.recorded
		}
		return invExpired, false
	}
	return invPaid, inv.recorded
}

// hostile usernames that real dumps contain and parsers must survive.
var hostileNames = []string{
	"new\nline\r\n", "nul\x00byte", "ctrl\x1auser", "quote'user\"dq", "back\\slash\\user", "tab\tuser",
	"<script>alert(1)</script>", "=cmd|' /C calc'!A0", "+SUM(1+1)*cmd|' /C calc'!A0", "'; DROP TABLE users; --",
	"Robert\"); DROP TABLE Students;--", "💸💸moneyman💸", "ｆｕｌｌｗｉｄｔｈ", "back\\slash\\user", "tab\tuser", "new\nline",
	"null", "NULL", "-@SUM(A1)", "ñandú_josé", strings.Repeat("x", 200), "ctrl\x1auser", "quote'user",
}

// populate draws the actors, people, accounts and wallets.
func (g *gen) populate() {
	r := newRand(g.cfg.Seed, "population")
	p := g.p
	g.newActor(actService, "the service", "GB")
	sa := uint32(0)
	g.serviceDeposit = g.newWallet(sa, wkServiceDeposit, r)
	g.wallets[g.serviceDeposit].beh.kind = kP2SHP2WPKH
	g.wallets[g.serviceDeposit].beh.upKind = kP2WPKH
	g.wallets[g.serviceDeposit].beh.upgrade = time.Date(2021, 7, 1, 0, 0, 0, 0, time.UTC).Unix()
	g.wallets[g.serviceDeposit].beh.reuse = 0
	g.serviceCons = g.newWallet(sa, wkServiceConsolidation, r)
	g.wallets[g.serviceCons].beh.reuse = 0.9
	for i := range 3 {
		a := g.newActor(actAdmin, fmt.Sprintf("admin %d", i+1), []string{"GB", "GB", "NL"}[i])
		w := g.newWallet(a, wkAdmin, r)
		g.wallets[w].exchange = int32([]int{0, 8, 4}[i])
		g.admins = append(g.admins, w)
	}
	for i, e := range exchangeFacts {
		a := g.newActor(actExchange, e.name, e.country)
		hot := g.newWallet(a, wkExchange, r)
		hw := g.wallets[hot]
		hw.beh.kind, hw.beh.upgrade, hw.beh.reuse, hw.beh.changeReuse = e.kind, 0, 0.95, true
		hw.beh.changeLast = false
		cold := g.newWallet(a, wkExchangeCold, r)
		g.wallets[cold].beh.kind, g.wallets[cold].beh.upgrade = kP2WPKH, 0
		ex := &exchange{idx: i, actor: a, hot: hot, cold: cold, deposits: map[uint32]uint32{}}
		ex.hotAddr = g.newAddr(hot, e.kind, roleHot)
		g.exchanges = append(g.exchanges, ex)
	}
	for i := range p.pools {
		a := g.newActor(actPool, fmt.Sprintf("pool %d", i+1), []string{"CN", "US", "RU", "KZ", "CA"}[i%5])
		g.pools = append(g.pools, g.newWallet(a, wkPool, r))
	}
	for i, n := range []string{"Wasabi coordinator", "Whirlpool coordinator"} {
		a := g.newActor(actCoordinator, n, "")
		g.coords[i] = g.newWallet(a, wkCoordinator, r)
	}
	for i := range p.shops {
		a := g.newActor(actShop, fmt.Sprintf("fraud shop %d", i+1), []string{"RU", "NL", "GB", "UA", "US"}[i%5])
		w := g.newWallet(a, wkShop, r)
		g.wallets[w].exchange = int32(r.IntN(len(exchangeFacts)))
		g.shops = append(g.shops, w)
	}
	cw := make([]float64, len(countries))
	for i, c := range countries {
		cw[i] = c.weight
	}
	// Background population.
	for range p.background {
		c := weighted(r, cw)
		a := g.newActor(actBackground, "", countries[c].code)
		w := g.newWallet(a, wkBackground, r)
		g.wallets[w].exchange = int32(g.homeExchange(r, c))
		g.wallets[w].mixer = chance(r, 0.02)
		g.bg = append(g.bg, w)
	}
	// Customers: persons with one or more accounts.
	nUsers := p.users
	for len(g.accounts) < nUsers {
		c := weighted(r, cw)
		cf := &countries[c]
		pi := int32(len(g.persons))
		a := g.newActor(actCustomer, "", cf.code)
		per := person{actor: a, country: c, first: cf.first[r.IntN(len(cf.first))], last: cf.last[r.IntN(len(cf.last))],
			phone: phoneNumber(r, cf), exchange: g.homeExchange(r, c), wallet: -1}
		per.clock, per.owl = drawClock(r, pick(r, cf.zones))
		per.nets = g.drawNets(r, cf.code)
		per.mode = payMode(weighted(r, []float64{30, 35, 15, 8, 7}))
		if per.mode == payShared && pi < 10 {
			per.mode = payWallet
		}
		switch per.mode {
		case payWallet, payHops, payCoinJoin:
			w := g.newWallet(a, wkPersonal, r)
			g.wallets[w].person, g.wallets[w].exchange = pi, int32(per.exchange)
			g.wallets[w].mixer = per.mode == payCoinJoin
			per.wallet = int32(w)
			if per.mode == payHops {
				prev := w
				for range 1 + r.IntN(3) {
					h := g.newWallet(a, wkHop, r)
					g.wallets[h].person, g.wallets[h].next = pi, int32(prev)
					per.hops = append(per.hops, int32(h))
					prev = h
				}
			}
		case payShared:
			// Share the wallet of an earlier person of the same country, or any.
			for try := 0; try < 50; try++ {
				q := &g.persons[r.IntN(len(g.persons))]
				if q.wallet >= 0 && q.mode != payShared && (q.country == c || try > 30) {
					per.wallet, per.exchange = q.wallet, q.exchange
					break
				}
			}
			if per.wallet < 0 {
				per.mode = payDirect
			}
		}
		per.uas = []int{r.IntN(len(userAgents))}
		if chance(r, 0.4) {
			per.uas = append(per.uas, r.IntN(len(userAgents)))
		}
		nAcc := 1
		if chance(r, 0.05) {
			nAcc = 2 + r.IntN(2)
		}
		span := End.Unix() - Start.Unix()
		for k := 0; k < nAcc && len(g.accounts) < nUsers; k++ {
			// Sign-ups grow over the timeline (density rising linearly).
			// Sign-ups at the person's local times of day.
			created := Start.Unix() - 30*86400 + int64(math.Sqrt(r.Float64())*float64(span+30*86400)*0.97)
			created = min(max(per.clock.at(created), Start.Unix()-30*86400), End.Unix()-86400)
			acc := account{person: pi, username: g.username(r, &per, k), created: created, dupOf: -1}
			acc.email = emailFor(r, acc.username, cf)
			if k == 0 {
				per.email = acc.email
			}
			if chance(r, 0.85) {
				acc.phoneE = per.phone
				if k > 0 && chance(r, 0.5) {
					acc.phoneE = phoneNumber(r, cf)
				}
				acc.phone = phoneText(r, acc.phoneE, cf.code)
			}
			if len(g.accounts) > 0 && chance(r, 0.2) {
				acc.referrer = int32(r.IntN(len(g.accounts))) + 1
			}
			fillPassword(r, &acc)
			per.accounts = append(per.accounts, int32(len(g.accounts)))
			g.accounts = append(g.accounts, acc)
		}
		g.persons = append(g.persons, per)
	}
	if g.cfg.quirks() {
		g.quirkPeople()
	}
	// Test accounts made by the administrators.
	for i := range max(3, p.users/3000) {
		acc := account{person: -1, kind: accTest, username: []string{"test", "admin_test", "testuser", "qa"}[i%4] + fmt.Sprint(i),
			email:   fmt.Sprintf("test%d@%s.invalid", i, g.cfg.family()), // the service's own domain
			created: Start.Unix() - 40*86400 + int64(i)*3600, dupOf: -1}
		fillPassword(r, &acc)
		g.accounts = append(g.accounts, acc)
	}
	// Duplicated registrations (double submits).
	for range max(2, p.users/300) {
		src := int32(r.IntN(len(g.accounts)))
		d := g.accounts[src]
		d.kind, d.dupOf, d.created = accDuplicate, src, d.created+int64(1+r.IntN(5))
		g.accounts = append(g.accounts, d)
	}
	// Accounts are numbered by sign-up time, as AUTO_INCREMENT does.
	order := make([]int32, len(g.accounts))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return int(g.accounts[a].created - g.accounts[b].created) })
	g.accountOrder = order
	g.accountID = make([]int32, len(order))
	for id, i := range order {
		g.accountID[i] = int32(id + 1)
	}
}

func (g *gen) homeExchange(r *rand.Rand, c int) int {
	var cand []int
	for i, e := range exchangeFacts {
		if slices.Contains(e.markets, countries[c].code) {
			cand = append(cand, i)
		}
	}
	if len(cand) == 0 || chance(r, 0.1) {
		return r.IntN(len(exchangeFacts))
	}
	return cand[r.IntN(len(cand))]
}

func (g *gen) username(r *rand.Rand, p *person, k int) string {
	if n := len(g.accounts); n%7 == 3 && n/7 < len(hostileNames) {
		return hostileNames[n/7]
	}
	if chance(r, 0.004) {
		return hostileNames[r.IntN(len(hostileNames))]
	}
	f, l := strings.ToLower(p.first), strings.ToLower(strings.ReplaceAll(p.last, " ", ""))
	var s string
	switch r.IntN(6) {
	case 0:
		s = f + fmt.Sprint(r.IntN(100))
	case 1:
		s = f + "_" + l
	case 2:
		s = []string{"spoof", "cash", "money", "og", "lil", "big"}[r.IntN(6)] + f + fmt.Sprint(r.IntN(1000))
	case 3:
		s = f[:1] + l + fmt.Sprint(1985+r.IntN(20))
	case 4:
		s = []string{"xX", "the", "real", "im"}[r.IntN(4)] + f + []string{"Xx", "uk", "1", "_"}[r.IntN(4)]
	default:
		s = l + "." + f
	}
	if chance(r, 0.01) {
		s = mojibake(s)
	}
	if k > 0 {
		s += fmt.Sprint(k + 1)
	}
	return fmt.Sprintf("%s%d", s, len(g.accounts)%7)
}

// mojibake re-reads UTF-8 bytes as Latin-1, as a mis-declared import does.
func mojibake(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

func emailFor(r *rand.Rand, user string, c *countryFact) string {
	local := strings.Map(func(x rune) rune {
		if x >= 'a' && x <= 'z' || x >= '0' && x <= '9' || x == '.' || x == '_' {
			return x
		}
		return -1
	}, strings.ToLower(user))
	if local == "" {
		local = fmt.Sprintf("user%d", r.IntN(100000))
	}
	if chance(r, 0.02) {
		local = strings.ToUpper(local[:1]) + local[1:]
	}
	return local + "@" + pick(r, c.domains)
}

func fillPassword(r *rand.Rand, a *account) {
	for i := range a.salt {
		a.salt[i] = byte(r.IntN(256))
	}
	for i := range a.pwHash {
		a.pwHash[i] = byte(r.IntN(256))
	}
}
