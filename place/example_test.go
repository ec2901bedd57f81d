package place_test

import (
	"fmt"
	"net/netip"

	"github.com/coinsift/coinsift/place"
)

// Place one account from its phone number, e-mail address, sign-up and login
// addresses and the exchange that funded it.
func ExampleCombine() {
	var signals []place.Signal
	if s, ok := place.Phone("07400 123456", "GB"); ok {
		s.Table, s.Row = "users", 42
		signals = append(signals, s)
	}
	if s, ok := place.Email("kyle99@hotmail.co.uk"); ok {
		signals = append(signals, s)
	}
	if s, ok := place.SignupIP(place.IPLoc{}, netip.MustParseAddr("81.128.0.1")); ok {
		signals = append(signals, s)
	}
	for _, a := range []string{"86.128.1.1", "86.128.1.1", "145.53.1.1", "192.168.1.10"} {
		if s, ok := place.IP(place.IPLoc{}, netip.MustParseAddr(a)); ok {
			signals = append(signals, s)
		}
	}
	if s, ok := place.Exchange("Coinbase UK", "GB"); ok {
		signals = append(signals, s)
	}

	p := place.Combine(signals, place.DefaultWeights())
	fmt.Printf("%s %.2f conflicts %v\n", p.Country, p.Confidence, p.Conflicts)
	for _, s := range p.Evidence {
		fmt.Printf("%-9s %s %.1f %-16s %s\n", s.Kind, s.Country, s.Weight, s.Value, s.Detail)
	}
	for _, sc := range p.Scores {
		fmt.Printf("%s %.3f\n", sc.Country, sc.Score)
	}
	// Output:
	// GB 0.83 conflicts [NL]
	// phone     GB 4.0 +447400123456    +44 mobile
	// ip        NL 2.0 145.53.1.1       iploc 2026-09-15
	// ip        GB 2.0 86.128.1.1       iploc 2026-09-15
	// signup-ip GB 2.0 81.128.0.1       iploc 2026-09-15
	// email     GB 1.0 hotmail.co.uk    ccTLD .uk
	// exchange  GB 1.0 Coinbase UK      exchange jurisdiction
	// GB 5.000
	// NL 1.000
}

func ExampleEmail() {
	for _, a := range []string{"daan@ziggo.nl", "x@btinternet.com", "x@gmail.com", "x@startup.io"} {
		if s, ok := place.Email(a); ok {
			fmt.Printf("%-18s %s %s\n", a, s.Country, s.Detail)
		} else {
			fmt.Printf("%-18s no signal\n", a)
		}
	}
	// Output:
	// daan@ziggo.nl      NL ccTLD .nl
	// x@btinternet.com   GB provider btinternet.com
	// x@gmail.com        no signal
	// x@startup.io       no signal
}

func ExamplePhone() {
	for _, n := range []string{"+31 6 12345678", "07400 123456", "+447911123456", "07700 900123"} {
		if s, ok := place.Phone(n, "GB"); ok {
			fmt.Printf("%-15s %s %s %s\n", n, s.Country, s.Value, s.Detail)
		} else {
			fmt.Printf("%-15s no signal\n", n)
		}
	}
	// Output:
	// +31 6 12345678  NL +31612345678 +31 mobile
	// 07400 123456    GB +447400123456 +44 mobile
	// +447911123456   GG +447911123456 +44 mobile
	// 07700 900123    no signal
}
