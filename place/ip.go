package place

import (
	"net/netip"
	"strings"

	coinsift "github.com/coinsift/coinsift"
	"github.com/phuslu/iploc"
)

// IPLocator maps a public IP address to the country it is registered or
// geolocated in. Country returns the country, the name and version of the
// database that answered (shown as the signal's Detail), and false when the
// database has no country for the address. Implementations must be safe for
// concurrent use.
type IPLocator interface {
	Country(addr netip.Addr) (coinsift.Country, string, bool)
}

var (
	_ IPLocator = IPLoc{}
	_ IPLocator = (*MMDB)(nil)
	_ IPLocator = Fallback(nil)
)

// IPLoc is the default IPLocator: the IP-to-country table embedded in
// github.com/phuslu/iploc (IP2Location LITE DB1, CC BY-SA 4.0), compiled into
// the binary, so it needs no file and sends nothing over the network. Its
// zero value is ready to use. The first IPv6 lookup decompresses the IPv6
// table (a few MB, once per process).
type IPLoc struct{}

// iplocName is "iploc 2026-09-15" for iploc version v1.0.20260915.
var iplocName = func() string {
	v := iploc.Version
	if i := strings.LastIndexByte(v, '.'); i >= 0 && len(v)-i-1 == 8 {
		d := v[i+1:]
		return "iploc " + d[:4] + "-" + d[4:6] + "-" + d[6:]
	}
	return "iploc " + v
}()

// String returns the table's name and date, e.g. "iploc 2026-09-15".
func (IPLoc) String() string { return iplocName }

// Country implements IPLocator.
func (IPLoc) Country(addr netip.Addr) (coinsift.Country, string, bool) {
	c, ok := ParseCountry(iploc.IPCountry(addr.Unmap()))
	return c, iplocName, ok
}

// Fallback asks each locator in turn and returns the first answer, e.g. a
// MaxMind database the investigator supplied, then the embedded table.
type Fallback []IPLocator

// Country implements IPLocator.
func (f Fallback) Country(addr netip.Addr) (coinsift.Country, string, bool) {
	for _, l := range f {
		if c, db, ok := l.Country(addr); ok {
			return c, db, true
		}
	}
	return "", "", false
}

// special lists ranges that are not routed on the public Internet beyond
// what netip's predicates cover (IANA special-purpose registries).
var special = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // TEST-NET-1
	netip.MustParsePrefix("192.88.99.0/24"),  // 6to4 relay anycast
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // TEST-NET-2
	netip.MustParsePrefix("203.0.113.0/24"),  // TEST-NET-3
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local NAT64
	netip.MustParsePrefix("100::/64"),        // discard
	netip.MustParsePrefix("2001::/23"),       // IETF protocol assignments, Teredo
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("2002::/16"),       // 6to4
	netip.MustParsePrefix("3fff::/20"),       // documentation
	netip.MustParsePrefix("5f00::/16"),       // segment routing
}

// Public reports whether addr is a globally routed unicast address, the
// only kind whose location means anything: private (10/8, 192.168/16,
// fc00::/7), loopback, link-local, multicast, unspecified, carrier-grade NAT,
// documentation and other special-purpose ranges are not. IPv4-mapped IPv6
// addresses are judged as IPv4.
func Public(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || !addr.IsGlobalUnicast() || addr.IsPrivate() {
		return false
	}
	for _, p := range special {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// IP reads the country of a login address with loc. Non-public addresses
// (see Public) and addresses loc cannot place give no signal. Value is the
// address (IPv4-mapped IPv6 shown as IPv4) and Detail the database name.
//
// Geolocation places the network the person connected through: a VPN,
// Tor exit, proxy, mobile carrier gateway or cloud host puts them where that
// network is. Neither the embedded table nor a country database flags such
// networks, so an IP signal is never stronger than its weight.
func IP(loc IPLocator, addr netip.Addr) (Signal, bool) {
	return ipSignal(KindIP, loc, addr)
}

// SignupIP is IP for the address the account was created from. It is a kind
// of its own because it is one address, recorded before the user had reason
// to hide, and it does not dilute or get diluted by login addresses.
func SignupIP(loc IPLocator, addr netip.Addr) (Signal, bool) {
	return ipSignal(KindSignupIP, loc, addr)
}

func ipSignal(k Kind, loc IPLocator, addr netip.Addr) (Signal, bool) {
	addr = addr.Unmap()
	if loc == nil || !Public(addr) {
		return Signal{}, false
	}
	c, db, ok := loc.Country(addr)
	if !ok {
		return Signal{}, false
	}
	if c, ok = ParseCountry(string(c)); !ok {
		return Signal{}, false
	}
	return Signal{Kind: k, Country: c, Weight: 1, Value: addr.String(), Detail: db}, true
}
