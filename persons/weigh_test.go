package persons_test

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/persons"
)

// ev builds evidence: each item is "ACCOUNT KIND VALUE".
func ev(items ...string) []persons.Evidence {
	var out []persons.Evidence
	for _, it := range items {
		f := strings.SplitN(it, " ", 3)
		out = append(out, persons.Evidence{Account: f[0], Kind: f[1], Value: f[2], Row: "row:" + f[0]})
	}
	return out
}

// manyAccounts gives accounts 1..n the same value of kind.
func manyAccounts(n int, kind, value string) []persons.Evidence {
	var out []persons.Evidence
	for i := 1; i <= n; i++ {
		out = append(out, persons.Evidence{Account: strconv.Itoa(100 + i), Kind: kind, Value: value})
	}
	return out
}

// joined reports the pairs Weigh joins, as "A-B".
func joined(w *persons.Weighing) []string {
	var out []string
	for _, e := range w.Edges {
		p := e.A + "-" + e.B
		if len(out) == 0 || out[len(out)-1] != p {
			out = append(out, p)
		}
	}
	return out
}

// TestWeigh covers what the generated worlds do not produce: a service's
// deposit addresses, e-mail sub-addresses, junk shared by strangers,
// addresses of one network, VPN exits and messenger handles.
func TestWeigh(t *testing.T) {
	cfg := persons.DefaultConfig()
	static := func() []persons.Evidence { // 40 customers pay one static address, each from their own wallet
		var out []persons.Evidence
		for i := 1; i <= 40; i++ {
			out = append(out, persons.Evidence{Account: strconv.Itoa(100 + i), Kind: persons.ReasonDeposit,
				Value: persons.Deposit("bc1qstaticservice", uint32(5000+i))})
		}
		return out
	}
	// The embedded IP table, as far as these tests need it.
	cfg.CountryOf = func(ip string) string {
		switch {
		case strings.HasPrefix(ip, "185.65.134."):
			return "SE"
		case strings.HasPrefix(ip, "81.2."):
			return "GB"
		case strings.HasPrefix(ip, "90.220."):
			return "FR"
		}
		return ""
	}
	vpn := func() []persons.Evidence { // 20 accounts at home in GB or FR behind one Swedish VPN provider's /24; 101 and 102 share an exit
		var out []persons.Evidence
		for i := 1; i <= 20; i++ {
			a, home := strconv.Itoa(100+i), "81.2."
			if i%2 == 0 {
				home = "90.220."
			}
			out = append(out, ev(a+" login_ip 185.65.134."+strconv.Itoa(i+2),
				a+" login_ip "+home+"1."+strconv.Itoa(i), a+" login_ip "+home+"2."+strconv.Itoa(i))...)
		}
		return append(out, ev("101 login_ip 185.65.134.200", "102 login_ip 185.65.134.200")...)
	}
	tests := []struct {
		name    string
		ev      []persons.Evidence
		want    []string // joined pairs
		dropped []string // "kind value why"
	}{
		{"static deposit address shared by everyone joins nobody", static(), nil, nil},
		// An untagged exchange or processor pays many customers' invoices
		// to the static address: two of them paying from it are not one.
		{"static deposit address paid from one wallet by two of its accounts joins nobody",
			append(static(), ev("1 deposit_address "+persons.Deposit("bc1qstaticservice", 77), "2 deposit_address "+persons.Deposit("bc1qstaticservice", 77))...),
			nil, []string{"deposit_address bc1qstaticservice from cluster 77 service_address"}},
		{"deposit address of two accounts paid from one wallet joins them", ev(
			"1 deposit_address "+persons.Deposit("bc1qperuser", 77), "2 deposit_address "+persons.Deposit("bc1qperuser", 77)),
			[]string{"1-2"}, nil},
		{"address recycled to three accounts, two paying from one wallet", ev(
			"1 deposit_address "+persons.Deposit("bc1qrecycled", 77), "2 deposit_address "+persons.Deposit("bc1qrecycled", 77),
			"3 deposit_address "+persons.Deposit("bc1qrecycled", 78)),
			nil, []string{"deposit_address bc1qrecycled from cluster 77 service_address"}},
		// An untagged exchange paid both invoices at an address recycled
		// once; it pays many other accounts too.
		{"recycled address paid by two strangers from one exchange wallet", append(manyAccounts(6, persons.ReasonCluster, "7"), ev(
			"1 deposit_address "+persons.Deposit("bc1qonce", 7), "2 deposit_address "+persons.Deposit("bc1qonce", 7))...),
			nil, []string{"deposit_address bc1qonce from cluster 7 shared_wallet", "paying_cluster 7 shared"}},
		{"household: dual-stack home, its IPv4 address and IPv6 prefix", ev(
			"1 login_ip 81.2.69.160", "2 login_ip 81.2.69.160",
			"1 login_ip 2a02:c7f:1234:5600::1", "2 login_ip 2a02:c7f:1234:5600::1",
			"1 login_ip 2a02:c7f:1234:5700::9", "2 login_ip 2a02:c7f:1234:5700::9"), nil, nil},
		{"IPv4 at home and at work, and the home's IPv6 prefix: login addresses alone never join", ev(
			"1 login_ip 81.2.69.160", "2 login_ip 81.2.69.160", "1 login_ip 90.220.78.49", "2 login_ip 90.220.78.49",
			"1 login_ip 2a02:c7f:1234:5600::1", "2 login_ip 2a02:c7f:1234:5600::1"), nil, nil},
		{"home and work addresses and an e-mail join", ev(
			"1 login_ip 81.2.69.160", "2 login_ip 81.2.69.160", "1 login_ip 90.220.78.49", "2 login_ip 90.220.78.49",
			"1 email "+persons.NormEmail("anna.k@gmail.com"), "2 email "+persons.NormEmail("annak@gmail.com")), []string{"1-2"}, nil},
		{"household: two people share the home address and nothing else", ev(
			"1 login_ip 81.2.69.160", "2 login_ip 81.2.69.160", "1 login_ip 81.2.69.161", "2 login_ip 81.2.69.161",
			"1 email "+persons.NormEmail("anna.k@gmail.com"), "2 email "+persons.NormEmail("peter.k@gmail.com"),
			"1 phone +447400123456", "2 phone +447400654321"), nil, nil},
		{"household sharing a home address and the static deposit address from one exchange", append(static(), ev(
			"1 login_ip 81.2.69.160", "2 login_ip 81.2.69.160",
			"1 deposit_address "+persons.Deposit("bc1qstaticservice", 77), "2 deposit_address "+persons.Deposit("bc1qstaticservice", 77))...),
			nil, []string{"deposit_address bc1qstaticservice from cluster 77 service_address"}},
		{"e-mail +tag at outlook, and a home address, join", ev(
			"1 email "+persons.NormEmail("Night.Owl+shop@Outlook.com"), "2 email "+persons.NormEmail("night.owl@outlook.com"),
			"1 login_ip 81.2.69.160", "2 login_ip 81.2.69.160"), []string{"1-2"}, nil},
		{"e-mail dots at another provider are other mailboxes", ev(
			"1 email "+persons.NormEmail("night.owl@yahoo.com"), "2 email "+persons.NormEmail("nightowl@yahoo.com"),
			"1 login_ip 81.2.69.160", "2 login_ip 81.2.69.160"), nil, nil},
		{"recycled deposit address paid by different wallets", ev(
			"1 deposit_address "+persons.Deposit("bc1qrecycled", 11),
			"2 deposit_address "+persons.Deposit("bc1qrecycled", 12)), nil, nil},
		{"gmail dots and +tag are one mailbox, still weak alone", ev(
			"1 email "+persons.NormEmail("John.Smith+shop@gmail.com"),
			"2 email "+persons.NormEmail("johnsmith@googlemail.com")), nil, nil},
		{"gmail mailbox and a home address join", ev(
			"1 email "+persons.NormEmail("John.Smith+shop@gmail.com"),
			"2 email "+persons.NormEmail("johnsmith@gmail.com"),
			"1 login_ip 81.2.69.160", "2 login_ip 81.2.69.160"), []string{"1-2"}, nil},
		{"test@test.com shared by 40 strangers", manyAccounts(40, persons.ReasonEmail, "test@test.com"), nil,
			[]string{"email test@test.com shared"}},
		{"junk e-mail of two strangers with a wallet", ev(
			"1 email test@test.com", "2 email test@test.com",
			"1 paying_cluster 9", "2 paying_cluster 9"), nil, []string{"email test@test.com junk"}},
		{"junk phone", ev("1 phone +440000000000", "2 phone +440000000000"), nil, []string{"phone +440000000000 junk"}},
		{"phone joins", ev("1 phone +447400123456", "2 phone +447400123456"), []string{"1-2"}, nil},
		{"two addresses of one /24 are one piece", ev(
			"1 login_ip 81.2.69.161", "2 login_ip 81.2.69.161",
			"1 login_ip 81.2.69.162", "2 login_ip 81.2.69.162"), nil, nil},
		{"addresses in two networks do not join: a household behind a carrier's NAT shares two", ev(
			"1 login_ip 81.2.69.161", "2 login_ip 81.2.69.161",
			"1 login_ip 90.220.78.49", "2 login_ip 90.220.78.49"), nil, nil},
		{"a wallet and a home address join", ev(
			"1 login_ip 81.2.69.161", "2 login_ip 81.2.69.161",
			"1 paying_cluster 9", "2 paying_cluster 9"), []string{"1-2"}, nil},
		{"two clusters of one shared wallet are one piece", ev(
			"1 paying_cluster 9", "2 paying_cluster 9", "1 paying_cluster 10", "2 paying_cluster 10"), nil, nil},
		{"a VPN exit and a wallet do not join", append(vpn(), ev(
			"101 paying_cluster 9", "102 paying_cluster 9")...), nil, nil},
		{"a VPN exit, a wallet and a home address join", append(vpn(), ev(
			"101 paying_cluster 9", "102 paying_cluster 9", "101 login_ip 81.2.9.9", "102 login_ip 81.2.9.9")...), []string{"101-102"}, nil},
		{"a home network of one country is no pool", ev(
			"1 login_ip 81.2.69.161", "2 login_ip 81.2.69.161", "3 login_ip 81.2.69.7", "4 login_ip 81.2.69.8",
			"1 paying_cluster 9", "2 paying_cluster 9"), []string{"1-2"}, nil},
		{"a login address of four accounts is dropped", ev(
			"1 login_ip 81.2.69.161", "2 login_ip 81.2.69.161", "3 login_ip 81.2.69.161", "4 login_ip 81.2.69.161",
			"1 paying_cluster 9", "2 paying_cluster 9"), nil, []string{"login_ip 81.2.69.161 shared"}},
		{"telegram @Name and name join", ev(
			"1 telegram "+persons.NormHandle("telegram", "@NightOwl"),
			"2 telegram "+persons.NormHandle("telegram", "https://t.me/nightowl")), []string{"1-2"}, nil},
		{"jabber bare JID joins", ev(
			"1 jabber "+persons.NormHandle("jabber", "Bob@Jabber.ru/phone"),
			"2 jabber "+persons.NormHandle("jabber", "bob@jabber.ru")), []string{"1-2"}, nil},
		{"junk handle", ev("1 icq 000000", "2 icq 000000", "1 telegram none", "2 telegram none"), nil,
			[]string{"icq 000000 junk", "telegram none junk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := persons.Weigh(tt.ev, cfg)
			if got := joined(w); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("joined %q; want %q", got, tt.want)
			}
			var dropped []string
			for _, d := range w.Dropped {
				dropped = append(dropped, d.Kind+" "+d.Value+" "+d.Why)
			}
			if !reflect.DeepEqual(dropped, tt.dropped) {
				t.Errorf("dropped %q; want %q", dropped, tt.dropped)
			}
		})
	}
}

// TestWeighHolders: an address the service handed to more accounts than
// paid it is its address for many, though only two paid, from one wallet.
func TestWeighHolders(t *testing.T) {
	for _, c := range []struct {
		holders int
		want    []string
	}{{0, []string{"1-2"}}, {2, []string{"1-2"}}, {4, nil}} {
		e := ev("1 deposit_address "+persons.Deposit("bc1qrecycled", 77), "2 deposit_address "+persons.Deposit("bc1qrecycled", 77))
		for i := range e {
			e[i].Holders = c.holders
		}
		if got := joined(persons.Weigh(e, persons.DefaultConfig())); !reflect.DeepEqual(got, c.want) {
			t.Errorf("handed to %d accounts: joined %q; want %q", c.holders, got, c.want)
		}
	}
}

// TestWeighExplains checks that a pair not joined is kept with its pieces
// and that a joined pair's links carry their strengths and rows.
func TestWeighExplains(t *testing.T) {
	w := persons.Weigh(ev(
		"1 login_ip 81.2.69.160", "2 login_ip 81.2.69.160", "1 paying_cluster 9", "2 paying_cluster 9",
		"3 paying_cluster 7", "4 paying_cluster 7"), persons.DefaultConfig())
	if len(w.Edges) != 2 || w.Edges[0].Strength != 0.5 || w.Edges[0].Rows != "1: row:1; 2: row:2" {
		t.Errorf("edges %+v; want two pieces of 0.5 with their rows", w.Edges)
	}
	if len(w.Rejected) != 1 || w.Rejected[0].A != "3" || w.Rejected[0].Strength != 0.5 || w.Rejected[0].Kinds() != "paying_cluster" ||
		w.Rejected[0].Describe() != "paying_cluster 7 (0.50); total 0.50 < 1" {
		t.Errorf("rejected %+v; want 3-4 with one paying cluster", w.Rejected)
	}
}

func TestNormEmail(t *testing.T) {
	for in, want := range map[string]string{
		"John.Smith+shop@gmail.com": "johnsmith@gmail.com", " J.S@GoogleMail.com ": "js@gmail.com",
		"john.smith+x@outlook.com": "john.smith@outlook.com", "john.smith+x@example.net": "john.smith+x@example.net",
		"a.b@yahoo.com": "a.b@yahoo.com", "+tag@gmail.com": "", "no at sign": "", "@gmail.com": "", "x@": "",
		"two words@x.com": "", "Night.Owl+x@hotmail.fr": "night.owl@hotmail.fr", "ivan@ya.ru": "ivan@yandex.ru",
		"Ivan+spam@Yandex.com": "ivan@yandex.ru", "owl@protonmail.com": "owl@proton.me", "owl+x@pm.me": "owl@proton.me",
		"a.b@mail.ru": "a.b@mail.ru", "a+b@mail.ru": "a+b@mail.ru",
	} {
		if got := persons.NormEmail(in); got != want {
			t.Errorf("NormEmail(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestNormHandle(t *testing.T) {
	for _, c := range []struct{ kind, in, want string }{
		{"telegram", "@Name", "name"}, {"telegram", " t.me/Name ", "name"}, {"telegram", "https://t.me/Name", "name"},
		{"jabber", "Bob@Jabber.RU/Laptop", "bob@jabber.ru"}, {"jabber", "xmpp:bob@jabber.ru", "bob@jabber.ru"},
		{"jabber", "bob", ""}, {"icq", "123-456 789", "123456789"}, {"icq", "12a", ""},
		{"discord", "@Someone#1234", "someone#1234"}, {"session", " 05ABCDEF ", "05abcdef"},
	} {
		if got := persons.NormHandle(c.kind, c.in); got != c.want {
			t.Errorf("NormHandle(%q, %q) = %q; want %q", c.kind, c.in, got, c.want)
		}
	}
}

func TestJunk(t *testing.T) {
	for _, c := range []struct {
		kind, v string
		want    bool
	}{
		{"email", "test@test.com", true}, {"email", "none@gmail.com", true}, {"email", "aaaa@gmail.com", true},
		{"email", "123456@gmail.com", true}, {"email", "x@mailinator.com", true}, {"email", "johnsmith@gmail.com", false},
		{"phone", "+440000000000", true}, {"phone", "+11234567890", true}, {"phone", "+447400123456", false},
		{"telegram", "no", true}, {"telegram", "xxxx", true}, {"telegram", "nightowl", false},
		{"icq", "000000", true}, {"icq", "123456789", true}, {"icq", "48213377", false},
		{"login_ip", "81.2.69.160", false},
	} {
		if got := persons.Junk(c.kind, c.v); got != c.want {
			t.Errorf("Junk(%q, %q) = %v; want %v", c.kind, c.v, got, c.want)
		}
	}
}
