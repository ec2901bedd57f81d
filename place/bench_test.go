package place_test

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/place"
)

var benchAddrs = func() []netip.Addr {
	r := rand.New(rand.NewPCG(1, 1))
	out := make([]netip.Addr, 4096)
	for i := range out {
		out[i] = netip.AddrFrom4([4]byte{byte(1 + r.IntN(223)), byte(r.IntN(256)), byte(r.IntN(256)), byte(1 + r.IntN(254))})
	}
	return out
}()

func BenchmarkIPLoc(b *testing.B) {
	loc := place.IPLoc{}
	i := 0
	for b.Loop() {
		loc.Country(benchAddrs[i&4095])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
}

func BenchmarkIP(b *testing.B) {
	loc := place.IPLoc{}
	i := 0
	for b.Loop() {
		place.IP(loc, benchAddrs[i&4095])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "signals/s")
}

func BenchmarkPhone(b *testing.B) {
	for b.Loop() {
		place.Phone("07400 123456", "GB")
	}
}

func BenchmarkEmail(b *testing.B) {
	for b.Loop() {
		place.Email("kyle99@hotmail.co.uk")
	}
}

func BenchmarkTimezone(b *testing.B) {
	ts := logins(b, "Europe/London", 17, 8, 25, 0.02, 1)
	ts = append(ts, ts[:3]...) // 20 logins, the minimum
	for b.Loop() {
		place.Timezone(ts)
	}
	b.ReportMetric(float64(b.N*len(ts))/b.Elapsed().Seconds(), "logins/s")
}

// BenchmarkRhythm reads an account's 400 login times (Unix seconds) into
// a rhythm and fits it, as 'coinsift place' does for every account.
func BenchmarkRhythm(b *testing.B) {
	ts := logins(b, "Europe/London", 400, 8, 25, 0.02, 1)
	secs := make([]int64, len(ts))
	for i, t := range ts {
		secs[i] = t.Unix()
	}
	for b.Loop() {
		var r place.Rhythm
		for _, s := range secs {
			r.Add(s)
		}
		r.Signals()
	}
	b.ReportMetric(float64(b.N*len(secs))/b.Elapsed().Seconds(), "logins/s")
}

// A typical account: phone, e-mail, sign-up address, 17 logins from 4
// addresses, a time-zone fit naming 40 countries.
func benchSignals() []place.Signal {
	ss := []place.Signal{
		sig(place.KindPhone, "GB", "+447400123456"), sig(place.KindEmail, "GB", "hotmail.co.uk"),
		sig(place.KindSignupIP, "GB", "81.128.0.1"), sig(place.KindExchange, "GB", "Coinbase UK"),
	}
	for i := range 17 {
		ss = append(ss, sig(place.KindIP, []coinsift.Country{"GB", "GB", "GB", "NL"}[i%4], fmt.Sprintf("81.128.0.%d", i%4)))
	}
	var cs []coinsift.Country
	for i := range 40 {
		cs = append(cs, coinsift.Country([]byte{'A' + byte(i/26), 'A' + byte(i%26)}))
	}
	return append(ss, tz(append(cs, "GB")...)...)
}

func BenchmarkCombine(b *testing.B) {
	ss := benchSignals()
	w := place.DefaultWeights()
	for b.Loop() {
		place.Combine(ss, w)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "accounts/s")
}

type benchAccount struct {
	phone, email string
	signup       netip.Addr
	ips          []netip.Addr
	times        []time.Time
}

// BenchmarkPlaceCase places an iSpoof-sized case: 59,000 accounts with
// 17 logins each (1,003,000 logins), from phone, e-mail, sign-up address,
// login addresses and login times. Run it with -benchtime=1x.
func BenchmarkPlaceCase(b *testing.B) {
	const accounts, perAccount = 59_000, 17
	nets := map[string][]netip.Prefix{
		"Europe/London":    {netip.MustParsePrefix("81.128.0.0/11"), netip.MustParsePrefix("86.128.0.0/10")},
		"Europe/Amsterdam": {netip.MustParsePrefix("145.53.0.0/16"), netip.MustParsePrefix("84.104.0.0/16")},
		"Australia/Sydney": {netip.MustParsePrefix("101.160.0.0/16")},
	}
	zonesOf := []string{"Europe/London", "Europe/London", "Europe/Amsterdam", "Australia/Sydney"}
	r := rand.New(rand.NewPCG(3, 4))
	pick := func(z string) netip.Addr {
		p := nets[z][r.IntN(len(nets[z]))]
		a := p.Addr().As4()
		a[2], a[3] = byte(r.IntN(256)), byte(1+r.IntN(254))
		if p.Bits() < 16 {
			a[1] |= byte(r.IntN(1 << (16 - p.Bits())))
		}
		return netip.AddrFrom4(a)
	}
	accts := make([]benchAccount, accounts)
	for i := range accts {
		z := zonesOf[i%len(zonesOf)]
		a := &accts[i]
		a.phone = fmt.Sprintf("07400 %06d", i)
		a.email = fmt.Sprintf("user%d@hotmail.co.uk", i)
		a.signup = pick(z)
		home := [4]netip.Addr{pick(z), pick(z), pick(z), pick(z)}
		a.times = logins(b, z, perAccount, 8, 25, 0.02, uint64(i))
		for range perAccount {
			a.ips = append(a.ips, home[r.IntN(4)])
		}
	}
	loc, w := place.IPLoc{}, place.DefaultWeights()
	var ss []place.Signal
	placed := 0
	for b.Loop() {
		placed = 0
		for i := range accts {
			a := &accts[i]
			ss = ss[:0]
			if s, ok := place.Phone(a.phone, "GB"); ok {
				ss = append(ss, s)
			}
			if s, ok := place.Email(a.email); ok {
				ss = append(ss, s)
			}
			if s, ok := place.SignupIP(loc, a.signup); ok {
				ss = append(ss, s)
			}
			for _, ip := range a.ips {
				if s, ok := place.IP(loc, ip); ok {
					ss = append(ss, s)
				}
			}
			ss = append(ss, place.Timezone(a.times)...)
			if place.Combine(ss, w).Country != "" {
				placed++
			}
		}
	}
	b.ReportMetric(float64(b.N*accounts)/b.Elapsed().Seconds(), "accounts/s")
	b.ReportMetric(float64(b.N*accounts*perAccount)/b.Elapsed().Seconds(), "logins/s")
	b.ReportMetric(float64(placed), "placed")
}
