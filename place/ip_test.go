package place_test

import (
	"net/netip"
	"strings"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/place"
)

// The embedded table's answers for ranges of big national ISPs, checked
// against iploc v1.0.20260915; a newer table may move a range.
func TestIPLoc(t *testing.T) {
	tests := []struct {
		name, addr string
		want       coinsift.Country
		value      string
	}{
		{"BT 81.128/11", "81.128.0.1", "GB", "81.128.0.1"},
		{"Virgin Media 81.96/16", "81.96.10.1", "GB", "81.96.10.1"},
		{"BT 86.128/10", "86.128.1.1", "GB", "86.128.1.1"},
		{"Three UK 92.40/16", "92.40.1.1", "GB", "92.40.1.1"},
		{"BT IPv6 2a00:23c4::/32", "2a00:23c4::1", "GB", "2a00:23c4::1"},
		{"IPv4-mapped BT", "::ffff:81.128.0.1", "GB", "81.128.0.1"},
		{"KPN 145.53/16", "145.53.1.1", "NL", "145.53.1.1"},
		{"Ziggo 84.104/16", "84.104.1.1", "NL", "84.104.1.1"},
		{"Telstra 101.160/16", "101.160.1.1", "AU", "101.160.1.1"},
		{"Comcast 73.12/16", "73.12.1.1", "US", "73.12.1.1"},
		{"Orange FR 90.40/16", "90.40.1.1", "FR", "90.40.1.1"},
		{"Eir 86.40/16", "86.40.1.1", "IE", "86.40.1.1"},
		{"Vodafone DE 91.64/16", "91.64.1.1", "DE", "91.64.1.1"},
		{"private 10/8", "10.0.0.1", "", ""},
		{"private 172.16/12", "172.16.5.4", "", ""},
		{"private 192.168/16", "192.168.1.1", "", ""},
		{"loopback", "127.0.0.1", "", ""},
		{"carrier-grade NAT", "100.64.0.1", "", ""},
		{"link-local", "169.254.1.1", "", ""},
		{"multicast", "224.0.0.1", "", ""},
		{"unspecified", "0.0.0.0", "", ""},
		{"this network 0/8", "0.1.2.3", "", ""},
		{"broadcast", "255.255.255.255", "", ""},
		{"reserved 240/4", "240.1.2.3", "", ""},
		{"TEST-NET-1", "192.0.2.1", "", ""},
		{"TEST-NET-2", "198.51.100.1", "", ""},
		{"TEST-NET-3", "203.0.113.1", "", ""},
		{"benchmarking", "198.18.0.1", "", ""},
		{"IPv6 loopback", "::1", "", ""},
		{"IPv6 link-local", "fe80::1", "", ""},
		{"IPv6 unique local", "fd00::1", "", ""},
		{"IPv6 documentation", "2001:db8::1", "", ""},
		{"6to4", "2002:5180::1", "", ""},
		{"IPv4-mapped private", "::ffff:192.168.1.1", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := netip.MustParseAddr(tt.addr)
			s, ok := place.IP(place.IPLoc{}, a)
			if tt.want == "" {
				if ok {
					t.Fatalf("IP(%s) = %+v; want no signal", tt.addr, s)
				}
				if place.Public(a) {
					t.Errorf("Public(%s) = true; want false", tt.addr)
				}
				return
			}
			want := place.Signal{Kind: place.KindIP, Country: tt.want, Weight: 1, Value: tt.value, Detail: "iploc 2026-09-15"}
			if !ok || s != want {
				t.Fatalf("IP(%s) = %+v, %v; want %+v", tt.addr, s, ok, want)
			}
		})
	}
}

func TestSignupIP(t *testing.T) {
	s, ok := place.SignupIP(place.IPLoc{}, netip.MustParseAddr("81.128.0.1"))
	if !ok || s.Kind != place.KindSignupIP || s.Country != "GB" {
		t.Fatalf("SignupIP(81.128.0.1) = %+v, %v; want signup-ip GB", s, ok)
	}
	if s, ok := place.SignupIP(place.IPLoc{}, netip.Addr{}); ok {
		t.Fatalf("SignupIP(zero Addr) = %+v; want no signal", s)
	}
	if s, ok := place.IP(nil, netip.MustParseAddr("81.128.0.1")); ok {
		t.Fatalf("IP(nil locator) = %+v; want no signal", s)
	}
}

// fixed answers every lookup with one country.
type fixed struct{ c, db string }

func (f fixed) Country(netip.Addr) (coinsift.Country, string, bool) {
	return coinsift.Country(f.c), f.db, f.c != ""
}

func TestLocatorAnswers(t *testing.T) {
	a := netip.MustParseAddr("81.128.0.1")
	tests := []struct {
		name string
		loc  place.IPLocator
		want coinsift.Country
		db   string
	}{
		{"lower case is normalised", fixed{"gb", "x"}, "GB", "x"},
		{"unknown ZZ", fixed{"ZZ", "x"}, "", ""},
		{"region EU", fixed{"EU", "x"}, "", ""},
		{"not found", fixed{"", "x"}, "", ""},
		{"fallback skips a miss", place.Fallback{fixed{"", "a"}, fixed{"NL", "b"}}, "NL", "b"},
		{"fallback takes the first", place.Fallback{fixed{"FR", "a"}, fixed{"NL", "b"}}, "FR", "a"},
		{"fallback to iploc", place.Fallback{fixed{"", "a"}, place.IPLoc{}}, "GB", "iploc 2026-09-15"},
		{"empty fallback", place.Fallback{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := place.IP(tt.loc, a)
			if ok != (tt.want != "") || s.Country != tt.want || s.Detail != tt.db {
				t.Fatalf("IP(%s) = %+v, %v; want %q from %q", a, s, ok, tt.want, tt.db)
			}
		})
	}
}

func TestParseCountry(t *testing.T) {
	tests := []struct {
		in   string
		want coinsift.Country
	}{
		{"GB", "GB"}, {"gb", "GB"}, {"Nl", "NL"}, {"GG", "GG"}, {"UK", ""}, {"EU", ""}, {"ZZ", ""},
		{"", ""}, {"G", ""}, {"GBR", ""}, {"001", ""}, {"G1", ""}, {"\xff\xfe", ""},
	}
	for _, tt := range tests {
		got, ok := place.ParseCountry(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseCountry(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	n := 0
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if _, ok := place.ParseCountry(string([]rune{a, b})); ok {
				n++
			}
		}
	}
	if n != 249 {
		t.Errorf("ParseCountry accepts %d codes; want the 249 of ISO 3166-1", n)
	}
}

func TestPublicIPv6Global(t *testing.T) {
	for _, s := range []string{"2a00:23c4::1", "2606:4700::1111", "81.128.0.1", "8.8.8.8"} {
		if !place.Public(netip.MustParseAddr(s)) {
			t.Errorf("Public(%s) = false; want true", s)
		}
	}
	if strings.Contains(place.IPLoc{}.String(), " ") == false {
		t.Errorf("IPLoc{}.String() = %q; want a name and date", place.IPLoc{}.String())
	}
}
