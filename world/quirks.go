package world

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Customer behaviours that break naive person-linking. The worlds of every
// family but iSpoof show them (the iSpoof world stays byte-identical to the
// one the demo, the goldens and the measured figures were made from); each
// draws from its own "quirks-…" stream, after the population is drawn, so
// that no other stream shifts.
//
//   - E-mail: a person who signs up under its real name reuses one address
//     across its accounts, written the way Gmail accepts (dots moved or
//     dropped, a +tag, googlemail.com, capitals); other providers keep the
//     dots, and pairs of different persons hold j.smith@ and jsmith@ at the
//     same non-Gmail provider (hard negatives). No two persons hold the same
//     mailbox (junk aside).
//   - Junk identifiers typed by unrelated people: test@test.com, a@a.com,
//     0000000000, +447000000000, telegram @admin … (about 3 % of accounts
//     each for e-mail and phone, 2 % for handles).
//   - Phones typed in each person's own habit: national format of its
//     country (07700 900123, 06 12 34 56 78, (202) 555-0143), national digits,
//     dotted, 00-prefixed or international; the truth keeps the E.164.
//   - Messenger handles: telegram (@name, name, t.me/name, mixed case) and
//     jabber (name@jabber.ru, with a /resource now and then), one per person
//     across its accounts.
//   - Addresses: households of two or three persons of one country sharing a
//     home address (and often a surname), mobile customers behind a few
//     carrier-grade NAT addresses of their carrier, and VPN users behind a
//     few popular exits.

// quirks reports whether the world's customers show the behaviours above.
func (c *Config) quirks() bool { return c.family() != FamilyISpoof }

// Junk bits of an account: which identifiers it gave are placeholders
// typed by many unrelated people.
const (
	junkEmail uint8 = 1 << iota
	junkPhone
	junkTelegram
	junkJabber
)

var junkNames = []string{"email", "phone", "telegram", "jabber"}

// junkString names an account's junk identifiers, comma-separated.
func junkString(j uint8) string {
	var out []string
	for i, n := range junkNames {
		if j&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return strings.Join(out, ",")
}

var (
	junkEmails    = []string{"test@test.com", "a@a.com", "asdf@gmail.com", "test@gmail.com", "no@no.com", "x@x.com", "email@email.com", "aaa@aaa.com"}
	junkPhones    = []string{"0000000000", "1234567890", "+447000000000", "123456789", "0123456789", "1111111111", "+10000000000", "07000000000"}
	junkTelegrams = []string{"@admin", "support", "@telegram", "none", "-", "@support", "admin"}
	junkJabbers   = []string{"admin@jabber.ru", "support@xmpp.jp", "test@jabber.ru", "none@none.com"}
	jabberDomains = shares("jabber.ru 30, xmpp.jp 20, exploit.im 15, jabber.de 10, 404.city 10, xmpp.is 8, jabb.im 7")
	jabberRes     = []string{"home", "mobile", "Gajim", "Psi+", "pc", "Conversations.x3Fq"}
	gmailTags     = []string{"shop", "2", "crypto", "btc", "spoof", "x", "1", "buy"}
)

// quirkPeople gives the customers the behaviours listed above. It runs
// after the customers are drawn and before test and duplicated accounts.
func (g *gen) quirkPeople() {
	for i := range g.persons {
		g.persons[i].household = -1
	}
	g.households(newRand(g.cfg.Seed, "quirks-households"))
	g.quirkEmails(newRand(g.cfg.Seed, "quirks-email"))
	g.quirkPhones(newRand(g.cfg.Seed, "quirks-phone"))
	g.quirkHandles(newRand(g.cfg.Seed, "quirks-handles"))
	g.quirkJunk(newRand(g.cfg.Seed, "quirks-junk"))
	g.dedupeMailboxes(newRand(g.cfg.Seed, "quirks-mailbox"))
	g.quirkNets(newRand(g.cfg.Seed, "quirks-nets"))
	for i := range g.persons {
		p := &g.persons[i]
		p.email = g.accounts[p.accounts[0]].email
	}
}

// households groups about 7 % of persons into households of two or three
// persons of one country: the later members log in from the first one's
// home addresses, and most take its surname.
func (g *gen) households(r *rand.Rand) {
	n := int32(0)
	for i := range g.persons {
		head := &g.persons[i]
		if head.household >= 0 || !chance(r, 0.03) {
			continue
		}
		var members []int
		want := 1 + b2int(chance(r, 0.3))
		for try := 0; try < 200 && len(members) < want; try++ {
			j := r.IntN(len(g.persons))
			q := &g.persons[j]
			if j != i && q.household < 0 && q.country == head.country && !slices.Contains(members, j) {
				members = append(members, j)
			}
		}
		if len(members) == 0 {
			continue
		}
		head.household = n
		for _, j := range members {
			q := &g.persons[j]
			q.household = n
			q.nets.home = slices.Clone(head.nets.home)
			if chance(r, 0.7) {
				q.last = head.last
			}
		}
		n++
	}
}

// mailbox is the canonical form of an e-mail address: lower case, and for
// Gmail without dots or +tag and under gmail.com. Other providers' dots
// matter.
func mailbox(email string) string {
	e := strings.ToLower(email)
	local, domain, ok := strings.Cut(e, "@")
	if !ok {
		return e
	}
	if domain == "gmail.com" || domain == "googlemail.com" {
		local, _, _ = strings.Cut(local, "+")
		local = strings.ReplaceAll(local, ".", "")
		domain = "gmail.com"
	}
	return local + "@" + domain
}

// nameLocal is an e-mail local part made from a person's name.
func nameLocal(r *rand.Rand, p *person) string {
	f := asciiLower(p.first)
	l := asciiLower(p.last)
	switch r.IntN(5) {
	case 0:
		return f + "." + l
	case 1:
		return f + l
	case 2:
		return f[:1] + "." + l
	case 3:
		return f + "." + l + fmt.Sprint(r.IntN(100))
	default:
		return f + l + fmt.Sprint(1980+r.IntN(25))
	}
}

// asciiLower keeps the letters and digits of s, lower-cased.
func asciiLower(s string) string {
	out := strings.Map(func(x rune) rune {
		switch {
		case x >= 'a' && x <= 'z', x >= '0' && x <= '9':
			return x
		case x >= 'A' && x <= 'Z':
			return x + 'a' - 'A'
		}
		return -1
	}, s)
	if out == "" {
		return "x"
	}
	return out
}

// gmailVariant writes a Gmail address the way a person retypes it: dots
// moved or dropped, a +tag, googlemail.com, capitals. All variants are one
// mailbox.
func gmailVariant(r *rand.Rand, local string) string {
	bare := strings.ReplaceAll(local, ".", "")
	switch r.IntN(4) {
	case 0:
		local = bare
	case 1:
		if len(bare) > 2 {
			k := 1 + r.IntN(len(bare)-1)
			local = bare[:k] + "." + bare[k:]
		}
	}
	if chance(r, 0.35) {
		local += "+" + gmailTags[r.IntN(len(gmailTags))]
	}
	if chance(r, 0.25) {
		local = strings.ToUpper(local[:1]) + local[1:]
		if i := strings.IndexByte(local, '.'); i >= 0 && i+1 < len(local) {
			local = local[:i+1] + strings.ToUpper(local[i+1:i+2]) + local[i+2:]
		}
	}
	domain := "gmail.com"
	if chance(r, 0.2) {
		domain = "googlemail.com"
	}
	return local + "@" + domain
}

// quirkEmails gives 55 % of persons one real-name mailbox used by all their
// accounts, and makes pairs of different persons with j.smith@ and jsmith@
// at one non-Gmail provider.
func (g *gen) quirkEmails(r *rand.Rand) {
	for i := range g.persons {
		p := &g.persons[i]
		if !chance(r, 0.55) {
			continue
		}
		domain := pick(r, countries[p.country].domains)
		local := nameLocal(r, p)
		for k, ai := range p.accounts {
			a := &g.accounts[ai]
			switch {
			case domain == "gmail.com" && (k > 0 || chance(r, 0.5)):
				a.email = gmailVariant(r, local)
			case k > 0 && chance(r, 0.2):
				a.email = strings.ToUpper(local[:1]) + local[1:] + "@" + domain
			default:
				a.email = local + "@" + domain
			}
		}
	}
	for range max(1, len(g.persons)/80) {
		ai := r.IntN(len(g.persons))
		a := &g.persons[ai]
		var cand []int
		for j := range g.persons {
			q := &g.persons[j]
			if j != ai && q.country == a.country && q.first[0] == a.first[0] && (a.household < 0 || q.household != a.household) {
				cand = append(cand, j)
			}
		}
		if len(cand) == 0 {
			continue
		}
		b := &g.persons[cand[r.IntN(len(cand))]]
		b.last = a.last
		domain := "gmail.com"
		for try := 0; try < 20 && (domain == "gmail.com" || domain == "googlemail.com"); try++ {
			domain = pick(r, countries[a.country].domains)
		}
		if domain == "gmail.com" {
			domain = "yahoo.com"
		}
		f, l := asciiLower(a.first)[:1], asciiLower(a.last)
		for _, x := range a.accounts {
			g.accounts[x].email = f + "." + l + "@" + domain
		}
		for _, x := range b.accounts {
			g.accounts[x].email = f + l + "@" + domain
		}
	}
}

// dedupeMailboxes makes sure no two persons hold one mailbox (junk
// addresses aside): a later holder gets digits added to its local part.
func (g *gen) dedupeMailboxes(r *rand.Rand) {
	owner := map[string]int32{}
	for i := range g.persons {
		for _, ai := range g.persons[i].accounts {
			a := &g.accounts[ai]
			if a.junk&junkEmail != 0 {
				continue
			}
			for {
				mb := mailbox(a.email)
				if o, ok := owner[mb]; !ok || o == int32(i) {
					owner[mb] = int32(i)
					break
				}
				local, domain, _ := strings.Cut(a.email, "@")
				local, tag, hasTag := strings.Cut(local, "+")
				local += fmt.Sprint(r.IntN(10))
				if hasTag {
					local += "+" + tag
				}
				a.email = local + "@" + domain
			}
		}
	}
}

// phoneStyle is how a person types its number.
type phoneStyle uint8

const (
	psNational       phoneStyle = iota // 07700 900123, 06 12 34 56 78, (202) 555-0143
	psNationalDigits                   // 07700900123
	psNationalDotted                   // 06.12.34.56.78
	psE164                             // +447700900123
	psInternational                    // +44 7700 900123
	psDoubleZero                       // 00447700900123, 01112025550143 (the country's own prefix)
)

// typePhone writes an E.164 number in style s.
func typePhone(e164 string, s phoneStyle) string {
	num, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return e164
	}
	nat := phonenumbers.Format(num, phonenumbers.NATIONAL)
	switch s {
	case psNational:
		return nat
	case psNationalDigits:
		return strings.Map(func(x rune) rune {
			if x >= '0' && x <= '9' {
				return x
			}
			return -1
		}, nat)
	case psNationalDotted:
		f := strings.NewReplacer(" ", ".", "-", ".", "(", "", ")", "").Replace(nat)
		return f
	case psInternational:
		return phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
	case psDoubleZero:
		// The international prefix of the country the number is in, as
		// its people dial it: 011 in NANP, 0011 in Australia, else 00 (so
		// in every customer country).
		switch phonenumbers.GetRegionCodeForNumber(num) {
		case "US", "CA":
			return "011" + e164[1:]
		case "AU":
			return "0011" + e164[1:]
		}
		return "00" + e164[1:]
	}
	return e164
}

// quirkPhones retypes every number in its person's habit (80 % of the
// time; else any style).
func (g *gen) quirkPhones(r *rand.Rand) {
	w := []float64{30, 20, 8, 20, 15, 7}
	for i := range g.persons {
		p := &g.persons[i]
		style := phoneStyle(weighted(r, w))
		for _, ai := range p.accounts {
			a := &g.accounts[ai]
			if a.phoneE == "" {
				continue
			}
			s := style
			if !chance(r, 0.8) {
				s = phoneStyle(weighted(r, w))
			}
			a.phone = typePhone(a.phoneE, s)
		}
	}
}

// telegramName draws a Telegram username (5–32 of a-z, 0-9, _; a letter
// first) for p.
func telegramName(r *rand.Rand, p *person) string {
	f, l := asciiLower(p.first), asciiLower(p.last)
	var s string
	switch r.IntN(4) {
	case 0:
		s = f + "_" + l
	case 1:
		s = f + l + fmt.Sprint(r.IntN(1000))
	case 2:
		s = []string{"dark", "crypto", "real", "mr", "the"}[r.IntN(5)] + f + fmt.Sprint(r.IntN(100))
	default:
		s = f[:1] + l + "_" + fmt.Sprint(r.IntN(100))
	}
	if s[0] < 'a' || s[0] > 'z' {
		s = "u" + s
	}
	for len(s) < 5 {
		s += "x"
	}
	return s[:min(len(s), 32)]
}

// typeTelegram writes a Telegram username the way people paste it.
func typeTelegram(r *rand.Rand, name string) string {
	if chance(r, 0.3) {
		b := []byte(name)
		for i := range b {
			if b[i] >= 'a' && b[i] <= 'z' && (i == 0 || b[i-1] == '_' || chance(r, 0.1)) {
				b[i] -= 'a' - 'A'
			}
		}
		name = string(b)
	}
	switch weighted(r, []float64{45, 30, 15, 10}) {
	case 0:
		return "@" + name
	case 1:
		return name
	case 2:
		return "t.me/" + name
	}
	return "https://t.me/" + name
}

// typeJabber writes a bare JID as typed: now and then with capitals or a
// resource.
func typeJabber(r *rand.Rand, jid string) string {
	if chance(r, 0.1) {
		jid = strings.ToUpper(jid[:1]) + jid[1:]
	}
	if chance(r, 0.25) {
		jid += "/" + jabberRes[r.IntN(len(jabberRes))]
	}
	return jid
}

// quirkHandles gives 55 % of persons a Telegram username and 25 % a
// Jabber address, unique to them and given on 85 % of their accounts.
func (g *gen) quirkHandles(r *rand.Rand) {
	taken := map[string]bool{}
	unique := func(s string) string {
		for taken[s] {
			s += fmt.Sprint(r.IntN(10))
		}
		taken[s] = true
		return s
	}
	for i := range g.persons {
		p := &g.persons[i]
		var tg, jid string
		if chance(r, 0.55) {
			tg = unique(telegramName(r, p))
		}
		if chance(r, 0.25) {
			local := strings.ReplaceAll(nameLocal(r, p), ".", "_")
			jid = unique(local + "@" + pick(r, jabberDomains))
		}
		for _, ai := range p.accounts {
			a := &g.accounts[ai]
			if tg != "" && chance(r, 0.85) {
				a.telegram, a.telegramID = typeTelegram(r, tg), tg
			}
			if jid != "" && chance(r, 0.85) {
				a.jabber, a.jabberID = typeJabber(r, jid), jid
			}
		}
	}
}

// quirkJunk puts placeholder identifiers on a few percent of accounts.
func (g *gen) quirkJunk(r *rand.Rand) {
	for i := range g.persons {
		for _, ai := range g.persons[i].accounts {
			a := &g.accounts[ai]
			if chance(r, 0.03) {
				a.email, a.junk = junkEmails[r.IntN(len(junkEmails))], a.junk|junkEmail
			}
			if chance(r, 0.03) {
				a.phone, a.phoneE, a.junk = junkPhones[r.IntN(len(junkPhones))], "", a.junk|junkPhone
			}
			if chance(r, 0.02) {
				a.telegram, a.telegramID, a.junk = junkTelegrams[r.IntN(len(junkTelegrams))], "", a.junk|junkTelegram
			}
			if chance(r, 0.01) {
				a.jabber, a.jabberID, a.junk = junkJabbers[r.IntN(len(junkJabbers))], "", a.junk|junkJabber
			}
		}
	}
}

// carrier is a mobile operator's carrier-grade NAT: its customers share the
// few public addresses of pool, in network n.
type carrier struct {
	n    ipNet
	pool []uint32
}

// quirkNets puts half of the mobile users (and 8 % of persons at home too)
// behind the CGNAT pools of two carriers per country, and 60 % of VPN exits
// on a few popular exits per country; then lists the networks anew.
func (g *gen) quirkNets(r *rand.Rand) {
	carriers := map[string][]carrier{}
	carrierOf := func(c string) carrier {
		cs, ok := carriers[c]
		if !ok {
			nets := countryNets()[c]
			for range 2 {
				n := nets[r.IntN(len(nets))]
				if n.bits == 16 {
					n = ipNet{n.base | uint32(r.IntN(256))<<8, 24, n.country}
				}
				cr := carrier{n: n}
				for range 2 + r.IntN(4) {
					cr.pool = append(cr.pool, n.addr(r))
				}
				cs = append(cs, cr)
			}
			carriers[c] = cs
		}
		return cs[r.IntN(len(cs))]
	}
	exits := map[string][]uint32{}
	exitOf := func(a uint32) uint32 {
		c := ipCountry(a)
		if _, ok := exits[c]; !ok {
			vn := vpnNets()[c]
			if len(vn) == 0 {
				vn = countryNets()[c]
			}
			for range 3 {
				if len(vn) > 0 {
					exits[c] = append(exits[c], vn[r.IntN(len(vn))].addr(r))
				}
			}
		}
		if len(exits[c]) == 0 {
			return a
		}
		return exits[c][r.IntN(len(exits[c]))]
	}
	var used []carrier
	for i := range g.persons {
		u := &g.persons[i].nets
		code := countries[g.persons[i].country].code
		if len(u.mobile) > 0 && chance(r, 0.5) {
			cr := carrierOf(code)
			used = append(used, cr)
			for k := range u.mobile {
				u.mobile[k] = cr.pool[r.IntN(len(cr.pool))]
			}
		}
		if g.persons[i].household < 0 && chance(r, 0.08) {
			cr := carrierOf(code)
			used = append(used, cr)
			for k := range u.home {
				u.home[k] = cr.pool[r.IntN(len(cr.pool))]
			}
		}
		for k, a := range u.exits {
			if chance(r, 0.6) {
				u.exits[k] = exitOf(a)
			}
		}
	}
	g.relistNets(used)
}

// relistNets lists anew the networks the persons' addresses lie in, after
// the quirks moved some of them: ISP networks for home, mobile and trip
// addresses, hosting for VPN exits, cgnat for the carriers' pools (a /24
// that may lie inside an isp /16: the longer prefix wins).
func (g *gen) relistNets(carriers []carrier) {
	g.nets = map[uint64]usedNet{}
	cg := map[uint32]ipNet{}
	for _, c := range carriers {
		for _, a := range c.pool {
			cg[a] = c.n
		}
	}
	find := func(a uint32, lists ...[]ipNet) (ipNet, bool) {
		for _, l := range lists {
			for _, n := range l {
				if a&^(1<<(32-n.bits)-1) == n.base {
					return n, true
				}
			}
		}
		return ipNet{}, false
	}
	var vpnAll []ipNet
	for _, c := range vpnCountries {
		vpnAll = append(vpnAll, vpnNets()[c.name]...)
		vpnAll = append(vpnAll, countryNets()[c.name]...)
	}
	for i := range g.persons {
		p := &g.persons[i]
		u := &p.nets
		code := countries[p.country].code
		for _, l := range [][]uint32{u.home, u.mobile, u.trip} {
			for _, a := range l {
				if n, ok := cg[a]; ok {
					g.nets[uint64(n.base)<<8|uint64(n.bits)] = usedNet{n, netCGNAT}
				} else if n, ok := find(a, countryNets()[code], countryNets()[u.tripCountry]); ok {
					g.useNet(n, netISP)
				}
			}
		}
		for _, a := range u.exits {
			if n, ok := find(a, vpnAll); ok {
				g.useNet(n, netHosting)
			}
		}
	}
}

// accountCols are the columns of truth/accounts.tsv: the quirks add the
// true handles, the household and the junk identifiers at the end.
func (g *gen) accountCols() []string {
	cols := []string{"user_id", "person_id", "kind", "duplicate_of", "country", "phone_e164"}
	if g.cfg.quirks() {
		cols = append(cols, "telegram", "jabber", "household", "junk")
	}
	return cols
}
