package world

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/btcsuite/btcd/chaincfg/chainhash"
)

// Families other than ispoof share the economy of the world (exchanges,
// customers' wallets and pay modes, hops, CoinJoins, background, blocks,
// prices, tags) and differ in the service: its schema and naming, its
// payment model (how deposit addresses are handed out, what a payment row
// records) and its behaviours. Each family fills the four logical tables:
// tUsers (accounts), tInvoices (one row per payment, deposit or bill),
// tLogins (the access log) and tCalls (a log of the service's own business
// that nobody should map onto calls or payments). The truth is written in
// the same files as for ispoof; see docs/format/world.md.

// Payment behaviours of the other families, numbered after the ispoof ones.
const (
	noiseComp          invNoise = noiseFake + 1 + iota // an administrator marks it paid ('comp'); nothing on chain
	noisePaidTwice                                     // paid in full, then paid in full again later by the same wallet
	noiseCreditedTwice                                 // credited with the txid of an earlier row; nothing on chain
)

// famPlan is one price of a family: a name and a price in US cents.
type famPlan struct {
	name  string
	cents int64
	w     float64
}

// seizedSchema returns the seized tables of the configured family.
func (c *Config) seizedSchema() [nTables]*table {
	switch c.family() {
	case FamilyBooter:
		return booterSchema()
	case FamilyCardShop:
		return cardshopSchema()
	case FamilyRansomware:
		return ransomwareSchema()
	}
	return schema(c.SchemaVariant)
}

// usdCents is the BTC/USD rate used to quote a price at t: the day's open,
// in US cents per BTC.
func (p *prices) usdCents(t time.Time) int64 {
	return int64(math.Round(p.usd[p.day(t)].open * 100))
}

// moscow is the zone in which the card shop writes its times: Moscow has kept
// UTC+3 all year since October 2014, so a fixed zone is exact for the
// timeline and needs no tz database.
var moscow = time.FixedZone("MSK", 3*3600)

// planFamilyInvoices draws every account's payment rows for a family other
// than ispoof, hands out their deposit addresses as the family does, and
// schedules the payments.
func (g *gen) planFamilyInvoices() {
	fam := g.cfg.family()
	r := newRand(g.cfg.Seed, string(fam)+" invoices")
	for _, ai := range g.accountOrder {
		a := &g.accounts[ai]
		if a.kind == accDuplicate {
			continue
		}
		n := int(lognormal(r, g.p.invoicesMean, 0.9))
		if a.kind == accTest {
			n = 1 + r.IntN(2)
		}
		first := len(g.invoices)
		for range n {
			t := a.created + r.Int64N(max(1, End.Unix()-a.created-3*86400))
			if a.person >= 0 {
				t = min(max(g.persons[a.person].clock.at(t), a.created+60), End.Unix()-3*86400)
			}
			if t < Start.Unix()+3600 {
				t = Start.Unix() + 3600 + r.Int64N(86400)
			}
			inv := invoice{account: ai, created: t, dupOf: -1, recorded: chance(r, 0.95), accept: chance(r, 0.4)}
			g.drawFamilyInvoice(fam, r, a, &inv, g.invoices[first:])
			inv.dup = chance(r, 0.01)
			g.invoices = append(g.invoices, inv)
		}
	}
	g.numberInvoices()
	g.assignFamilyAddresses(fam, r)
	for i := range g.invoices {
		if g.invoices[i].status == invPaid {
			g.schedulePayments(r, i)
		}
	}
	for i := range g.persons {
		for range r.IntN(3) {
			g.schedule(Start.Unix()+r.Int64N(End.Unix()-Start.Unix()), evShopPay, int32(i), int32(r.IntN(64)), int64(2000+r.IntN(30000)))
		}
	}
}

// drawFamilyInvoice draws the price, status and behaviour of one payment
// row; earlier holds the account's rows drawn before it.
func (g *gen) drawFamilyInvoice(fam Family, r *rand.Rand, a *account, inv *invoice, earlier []invoice) {
	at := time.Unix(inv.created, 0)
	var plans []famPlan
	switch fam {
	case FamilyBooter:
		plans = booterPlans
	case FamilyCardShop:
		plans = nil
	default:
		plans = ransomwarePlans
	}
	if plans != nil {
		w := make([]float64, len(plans))
		for i, p := range plans {
			w[i] = p.w
		}
		inv.pkg = weighted(r, w)
		inv.fiat = plans[inv.pkg].cents
	} else {
		// Card prices: log-normal around $45, whole dollars, $5 at least.
		inv.fiat = max(500, int64(lognormal(r, 4500, 0.9))/100*100)
	}
	inv.fiatRate = g.prices.usdCents(at)
	inv.sats = penceToSats(inv.fiat, inv.fiatRate)
	inv.rate = g.prices.gbpPence(at)
	inv.pence = satsToPence(inv.sats, inv.rate)
	switch {
	case a.kind == accTest:
		inv.status = invExpired
	case chance(r, 0.72):
		inv.status = invPaid
	case inv.created > End.Unix()-2*86400:
		inv.status = invPending
	default:
		inv.status = invExpired
	}
	if a.kind == accTest && fam == FamilyCardShop && chance(r, 0.5) {
		inv.noise = noiseComp // admins comp their own test orders
	}
	if a.kind != accNormal {
		return
	}
	x := r.Float64()
	switch fam {
	case FamilyBooter:
		// Top-ups: the row records what arrived, so short and long
		// payments do not exist; a payment can still come after the
		// gateway gave up, and an admin can credit a balance by hand.
		switch {
		case inv.status == invPaid && x < 0.03 && inv.created+invoiceExpiry+6*86400 < End.Unix():
			inv.noise = noiseLate
		case inv.status == invExpired && x < 0.04:
			inv.noise = noiseFake
		}
	case FamilyCardShop:
		switch {
		case inv.status == invPaid && x < 0.03:
			inv.noise = noisePartial
		case inv.status == invPaid && x < 0.07 && inv.created+30*86400 < End.Unix():
			inv.noise = noisePaidTwice
		case inv.status == invPaid && x < 0.09:
			inv.noise = noiseSplit
		case inv.status == invExpired && x < 0.04:
			inv.noise = noiseComp
		}
	case FamilyRansomware:
		paidBefore := slices.ContainsFunc(earlier, func(e invoice) bool {
			return e.status == invPaid && e.noise == noiseNone && e.created < inv.created-3*86400
		})
		switch {
		case inv.status == invPaid && x < 0.03:
			inv.noise = noisePartial
		case inv.status == invPaid && x < 0.05:
			inv.noise = noiseOver
		case inv.status == invExpired && paidBefore && x < 0.15:
			inv.noise = noiseCreditedTwice
		}
	}
}

// assignFamilyAddresses hands out deposit addresses in creation order as the
// family's service does.
func (g *gen) assignFamilyAddresses(fam Family, r *rand.Rand) {
	w := g.wallets[g.serviceDeposit]
	switch fam {
	case FamilyBooter:
		// One static address per client, made at its first deposit.
		static := map[int32]uint32{}
		for i := range g.invoices {
			inv := &g.invoices[i]
			a, ok := static[inv.account]
			if !ok {
				g.now = inv.created
				a = g.newAddr(g.serviceDeposit, w.beh.kindAt(inv.created), roleDeposit)
				static[inv.account] = a
			}
			inv.addr = a
		}
	case FamilyCardShop:
		// A pool: an unpaid bill's address goes back to the pool a while
		// after the bill expired and is handed to a later bill.
		type freeAddr struct {
			addr uint32
			at   int64
		}
		var pool []freeAddr
		for i := range g.invoices {
			inv := &g.invoices[i]
			g.now = inv.created
			k := slices.IndexFunc(pool, func(f freeAddr) bool { return f.at <= inv.created })
			if k >= 0 && chance(r, 0.85) {
				inv.addr = pool[k].addr
				pool = slices.Delete(pool, k, k+1)
			} else {
				inv.addr = g.newAddr(g.serviceDeposit, w.beh.kindAt(inv.created), roleDeposit)
			}
			if inv.status == invExpired {
				pool = append(pool, freeAddr{inv.addr, inv.created + invoiceExpiry + int64(3600+r.IntN(3*86400))})
			}
		}
	default:
		// One address for everyone; the operators move to a new one late
		// in the timeline.
		g.now = Start.Unix()
		first := g.newAddr(g.serviceDeposit, kP2WPKH, roleDeposit)
		switchAt := Start.Unix() + (End.Unix()-Start.Unix())*85/100
		second := uint32(0)
		for i := range g.invoices {
			inv := &g.invoices[i]
			inv.addr = first
			if inv.created >= switchAt {
				if second == 0 {
					g.now = switchAt
					second = g.newAddr(g.serviceDeposit, kP2WPKH, roleDeposit)
				}
				inv.addr = second
			}
		}
	}
}

// truthName is the truth_status of invoice i given its seized row.
func (g *gen) truthName(inv *invoice, s *seizedInvoice) string {
	switch {
	case inv.noise == noiseComp:
		return "comp"
	case inv.noise == noiseCreditedTwice && s != nil && s.txid != "":
		return "credited_twice"
	case inv.noise == noisePaidTwice && len(inv.pays) > 1:
		return "paid_again"
	}
	return truthStatusNames[inv.truth()]
}

// familySeized computes what the service of a family other than ispoof
// recorded for every payment row. It draws from its own stream, so that it
// gives the same rows each time it is called.
func (g *gen) familySeized() []seizedInvoice {
	fam := g.cfg.family()
	r := newRand(g.cfg.Seed, string(fam)+" seized")
	out := make([]seizedInvoice, len(g.invoices))
	cut := false // the booter's one truncated callback is written
	for i := range g.invoices {
		inv := &g.invoices[i]
		s := &out[i]
		ts := inv.truth()
		onChain := len(inv.pays) > 0
		// A booter's gateway watches the client's address and credits
		// whatever arrives; the others credit full payments and, by hand,
		// some short or late ones.
		credited := onChain && (fam == FamilyBooter || ts == tsVerified || ts == tsOverpaid || ts == tsSplit || inv.accept)
		switch {
		case credited:
			s.status = invPaid
			s.paidAt = inv.pays[len(inv.pays)-1].at
			if inv.noise == noisePaidTwice {
				s.paidAt = inv.pays[0].at // the shop credited the first payment
			}
		case inv.noise == noiseFake || inv.noise == noiseComp:
			s.status = invPaid
			s.paidAt = inv.created + 120 + int64(inv.addr%1800)
		case inv.status == invPending && !onChain:
			s.status = invPending
		default:
			s.status = invExpired
		}
		if credited && inv.recorded {
			p := inv.pays[len(inv.pays)-1]
			if inv.noise == noisePaidTwice {
				p = inv.pays[0]
			}
			s.txid = hashString(p.txid)
		}
		switch fam {
		case FamilyBooter:
			g.booterRow(r, inv, s, &cut)
		case FamilyCardShop:
			g.cardshopRow(inv, s)
		default:
			g.ransomwareRow(r, i, out, s)
		}
	}
	return out
}

// familyLayout is the layout number writeLogins is given for a family other
// than ispoof (whose layouts are the schema variants).
const familyLayout = -1

// layout is the login layout of the configured family.
func (g *gen) layout() int {
	if g.cfg.family() == FamilyISpoof {
		return g.cfg.SchemaVariant
	}
	return familyLayout
}

func hashString(h [32]byte) string { return chainhash.Hash(h).String() }

// writeFamilyUsers writes the accounts table of a family other than ispoof,
// with one deliberately malformed line in the middle of its CSV.
func (g *gen) writeFamilyUsers(w *tableWriter) {
	fam := g.cfg.family()
	r := newRand(g.cfg.Seed, string(fam)+" users")
	for id, ai := range g.accountOrder {
		a := &g.accounts[ai]
		// The address the account signed up from (NULL for test accounts
		// and when not recorded), and its last login's.
		var regIP, lastIP string
		if a.person >= 0 {
			if chance(r, 0.95) {
				regIP = ipString(u32ip(g.persons[a.person].nets.loginAddr(r, a.created)))
			}
			if ip := g.lastIP[id]; ip != ([4]byte{}) {
				lastIP = ipString(ip)
			}
		}
		email := a.email
		if chance(r, 0.03) {
			email = ""
		}
		switch fam {
		case FamilyBooter:
			g.booterUser(w, id, a, email, regIP)
		case FamilyCardShop:
			g.cardshopUser(w, id, a, email, lastIP)
		default:
			g.ransomwareUser(w, id, a, email)
		}
		w.End()
		if id == len(g.accountOrder)/2 {
			w.RawCSV(fmt.Sprintf(`%d,"unterminated,quote`, id+1000000)) // a malformed CSV row
		}
	}
}

// writeFamilyInvoices writes the payment rows of a family other than
// ispoof; a duplicated row is written twice, the copy with the next id.
func (g *gen) writeFamilyInvoices(w *tableWriter) {
	fam := g.cfg.family()
	for i, s := range g.seizedInvoices() {
		inv := &g.invoices[i]
		for k := range 1 + b2int(inv.dup) {
			id := int64(g.invoiceID[i]) + int64(k)
			uid := int64(g.accountID[inv.account])
			addr := g.addrs[inv.addr].encode(g.keys.net)
			switch fam {
			case FamilyBooter:
				booterDeposit(w, id, uid, addr, inv, &s)
			case FamilyCardShop:
				cardshopBill(w, id, uid, addr, inv, &s)
			default:
				ransomwareSub(w, id, uid, addr, inv, &s)
			}
			w.End()
		}
	}
}

// writeFamilyLogin writes one row of the access log of a family other than
// ispoof.
func (g *gen) writeFamilyLogin(w *tableWriter, id, uid int64, ip [4]byte, ua string, t int64, r *rand.Rand) {
	switch g.cfg.family() {
	case FamilyBooter:
		w.Int(id)
		w.Int(uid)
		w.Str(ipString(ip))
		w.Int(t)
	case FamilyCardShop:
		w.Int(id)
		w.Int(uid)
		w.Str(ipString(ip))
		if r.IntN(200) == 0 {
			w.Null()
		} else {
			w.Str(ua)
		}
		w.LocalTime(t, moscow)
	default:
		w.Int(id)
		w.Int(uid)
		w.Str(ipString(ip))
		w.Str(ua)
		w.Int(t)
	}
}

// writeSideLog streams the table of the service's own business (attacks,
// card purchases, ransomware builds): rows keyed by account and time that
// are neither calls nor payments.
func (g *gen) writeSideLog(ctx context.Context, w *tableWriter, prog func(int64)) error {
	fam := g.cfg.family()
	var id int64
	var err error
	clockOf := func(a *account) *clock {
		if a.person < 0 {
			return nil
		}
		return &g.persons[a.person].clock
	}
	mean := g.p.callsMean / 2
	if fam == FamilyRansomware {
		mean = max(2, g.p.callsMean/10)
	}
	g.merged(string(fam)+" side log", mean, 1.2, clockOf, func(acct int32, t int64, r *rand.Rand) bool {
		id++
		switch fam {
		case FamilyBooter:
			booterAttack(w, r, id, int64(acct+1), t)
		case FamilyCardShop:
			cardshopPurchase(w, r, id, int64(acct+1), t)
		default:
			ransomwareBuild(w, r, id, int64(acct+1), t)
		}
		w.End()
		if id%100_000 == 0 {
			prog(100_000)
			if err = ctx.Err(); err != nil {
				return false
			}
		}
		return true
	})
	return err
}

// randomIP is a public-looking IPv4 address.
func randomIP(r *rand.Rand) string {
	return ipString([4]byte{byte(1 + r.IntN(222)), byte(r.IntN(256)), byte(r.IntN(256)), byte(1 + r.IntN(254))})
}

// hexString is n random lower-case hex digits.
func hexString(r *rand.Rand, n int) string {
	const digits = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = digits[r.IntN(16)]
	}
	return string(b)
}
