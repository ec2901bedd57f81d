package world

import (
	"math/rand/v2"
	"net/netip"
	"sync"

	"github.com/phuslu/iploc"
)

// netKind is what a network is to the people who log in from it.
type netKind uint8

const (
	netISP     netKind = iota // broadband and mobile providers (also used abroad by travellers)
	netHosting                // a datacentre with VPN exits
	netCGNAT                  // a mobile carrier's carrier-grade NAT pool (other families only)
)

var netKindNames = [...]string{"isp", "hosting", "cgnat"}

// ipNet is an IPv4 network (a /16 or /24) and the country the embedded
// iploc table gives it.
type ipNet struct {
	base    uint32
	bits    uint8
	country string
}

func (n ipNet) String() string {
	return netip.PrefixFrom(netip.AddrFrom4(u32ip(n.base)), int(n.bits)).String()
}

// addr draws an address in n (never .0 or .255 of a /24).
func (n ipNet) addr(r *rand.Rand) uint32 {
	a := n.base
	if n.bits == 16 {
		a |= uint32(r.IntN(256)) << 8
	}
	return a | uint32(1+r.IntN(254))
}

func u32ip(a uint32) [4]byte { return [4]byte{byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)} }

func ipCountry(a uint32) string { return iploc.IPCountry(netip.AddrFrom4(u32ip(a))) }

const (
	// netPurity is the share of a network's probes that must map to its
	// country for it to be used.
	netPurity = 0.95
	// netsPerCountry is how many networks are kept for each country.
	netsPerCountry = 24
)

// notResidential are /8s that hold no consumer broadband or mobile
// networks: reserved ones, and legacy blocks of governments, the military,
// corporations and cloud providers (AWS, Azure, Google Cloud, …) that iploc
// nonetheless places in a country.
var notResidential = func() (m [256]bool) {
	for _, b := range []int{0, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 25, 26, 28, 29, 30,
		33, 34, 35, 38, 40, 44, 48, 51, 52, 53, 54, 55, 56, 57, 100, 104, 127, 169, 172, 192, 198} {
		m[b] = true
	}
	return m
}()

// countryNets finds, once per process, networks that the embedded iploc
// table maps to each customer (and VPN) country: it samples addresses from a fixed
// PCG stream, and for each hit in a country that still needs networks
// probes the address's /16 (one address in each /24) and keeps it if at
// least 95 % of the probes map to the country, else probes its /24 (16
// addresses) and keeps that if all do. The result depends only on the
// iploc version in go.sum, so every world sees the same candidates and
// draws its own from them.
var countryNets = sync.OnceValue(func() map[string][]ipNet {
	need := map[string]bool{}
	for _, c := range countries {
		need[c.code] = true
	}
	for _, c := range vpnCountries {
		need[c.name] = true
	}
	out := map[string][]ipNet{}
	seen := map[uint32]bool{}
	r := rand.New(rand.NewPCG(0x636f696e, 0x73696674))
	left := len(need)
	for i := 0; i < 8_000_000 && left > 0; i++ {
		a := r.Uint32()
		if a>>24 >= 224 || notResidential[a>>24] {
			continue
		}
		c := ipCountry(a)
		if !need[c] || len(out[c]) >= netsPerCountry {
			continue
		}
		n16 := a &^ 0xffff
		if !seen[n16] {
			seen[n16] = true
			hits := 0
			for k := range 256 {
				if ipCountry(n16|uint32(k)<<8|uint32(1+r.IntN(254))) == c {
					hits++
				}
			}
			if float64(hits) >= netPurity*256 {
				out[c] = append(out[c], ipNet{n16, 16, c})
				left -= b2int(len(out[c]) == netsPerCountry)
				continue
			}
		}
		n24 := a &^ 0xff
		if seen[n24|1] {
			continue
		}
		seen[n24|1] = true
		ok := true
		for k := range 16 {
			ok = ok && ipCountry(n24|uint32(1+k*15)) == c
		}
		if ok {
			out[c] = append(out[c], ipNet{n24, 24, c})
			left -= b2int(len(out[c]) == netsPerCountry)
		}
	}
	return out
})

// vpnNets are the hosting networks by country whose every probe maps to
// the country they are listed under.
var vpnNets = sync.OnceValue(func() map[string][]ipNet {
	out := map[string][]ipNet{}
	for _, h := range hostingNets {
		p := netip.MustParsePrefix(h.prefix)
		a4 := p.Addr().As4()
		base := uint32(a4[0])<<24 | uint32(a4[1])<<16 | uint32(a4[2])<<8 | uint32(a4[3])
		size := uint32(1) << (32 - p.Bits())
		ok := true
		for k := uint32(0); k < 256; k++ {
			ok = ok && ipCountry(base+k*size/256+1) == h.country
		}
		if !ok {
			continue
		}
		// Split into /24s so that a person's exits cluster as a provider's do.
		for k := uint32(0); k < size/256 && k < 64; k++ {
			out[h.country] = append(out[h.country], ipNet{base + k*256, 24, h.country})
		}
	}
	return out
})

func b2int(b bool) int {
	if b {
		return 1
	}
	return 0
}

// vpnMode is how a person uses a VPN.
type vpnMode uint8

const (
	vpnNever vpnMode = iota
	vpnSometimes
	vpnAlways
)

var vpnModeNames = [...]string{"never", "sometimes", "always"}

// netUse is one person's addresses: home broadband (reassigned now and
// then, in time order), mobile data, VPN exits and one trip abroad.
type netUse struct {
	home, mobile, exits, trip []uint32
	mobileShare               float64
	vpn                       vpnMode
	vpnShare                  float64
	tripFrom, tripTo          int64
	tripCountry               string
}

// drawNets draws a person's networks in country c. About 4 % of people
// always log in through a VPN and 22 % sometimes (15–60 % of their logins),
// so that roughly 12 % of logins come from a datacentre in NL, US, DE or
// SE; 5 % make one trip abroad of 4–14 days.
func (g *gen) drawNets(r *rand.Rand, c string) netUse {
	var u netUse
	nets := countryNets()[c]
	home := nets[r.IntN(len(nets))]
	g.useNet(home, netISP)
	for range 1 + r.IntN(4) {
		u.home = append(u.home, home.addr(r))
	}
	if chance(r, 0.6) {
		mob := nets[r.IntN(len(nets))]
		g.useNet(mob, netISP)
		for range 2 + r.IntN(5) {
			u.mobile = append(u.mobile, mob.addr(r))
		}
		u.mobileShare = 0.15 + 0.4*r.Float64()
	}
	switch x := r.Float64(); {
	case x < 0.04:
		u.vpn = vpnAlways
	case x < 0.26:
		u.vpn, u.vpnShare = vpnSometimes, 0.15+0.45*r.Float64()
	}
	if u.vpn != vpnNever {
		vc := pick(r, vpnCountries)
		for range 1 + r.IntN(3) {
			if chance(r, 0.2) {
				vc = pick(r, vpnCountries)
			}
			vn := vpnNets()[vc]
			if len(vn) == 0 { // a newer iploc moved every listed network
				vn = countryNets()[vc]
			}
			n := vn[r.IntN(len(vn))]
			g.useNet(n, netHosting)
			u.exits = append(u.exits, n.addr(r))
		}
	}
	if chance(r, 0.05) {
		for {
			u.tripCountry = countries[r.IntN(len(countries))].code
			if u.tripCountry != c {
				break
			}
		}
		tn := countryNets()[u.tripCountry]
		n := tn[r.IntN(len(tn))]
		g.useNet(n, netISP)
		for range 1 + r.IntN(3) {
			u.trip = append(u.trip, n.addr(r))
		}
		u.tripFrom = Start.Unix() + r.Int64N(End.Unix()-Start.Unix()-15*86400)
		u.tripTo = u.tripFrom + int64(4+r.IntN(11))*86400
	}
	return u
}

// loginAddr is the address of a login at time t.
func (u *netUse) loginAddr(r *rand.Rand, t int64) uint32 {
	if u.vpn == vpnAlways || u.vpn == vpnSometimes && chance(r, u.vpnShare) {
		return u.exits[r.IntN(len(u.exits))]
	}
	if len(u.mobile) > 0 && chance(r, u.mobileShare) {
		return u.mobile[r.IntN(len(u.mobile))]
	}
	if len(u.trip) > 0 && t >= u.tripFrom && t < u.tripTo {
		return u.trip[r.IntN(len(u.trip))]
	}
	k := int((t - Start.Unix()) * int64(len(u.home)) / (End.Unix() - Start.Unix()))
	return u.home[max(0, min(k, len(u.home)-1))]
}

// useNet records that a network appears in the world (truth/networks.tsv).
func (g *gen) useNet(n ipNet, k netKind) {
	key := uint64(n.base)<<8 | uint64(n.bits)
	if _, ok := g.nets[key]; !ok {
		g.nets[key] = usedNet{n, k}
	}
}

type usedNet struct {
	n ipNet
	k netKind
}
