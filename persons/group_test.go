package persons_test

import (
	"reflect"
	"strconv"
	"testing"

	"github.com/coinsift/coinsift/persons"
)

func TestGroup(t *testing.T) {
	ev := []persons.Evidence{
		{Account: "1", Kind: persons.ReasonEmail, Value: "a@x.test"},
		{Account: "2", Kind: persons.ReasonEmail, Value: "a@x.test"},
		{Account: "2", Kind: persons.ReasonCluster, Value: "77"},
		{Account: "3", Kind: persons.ReasonCluster, Value: "77"},
		{Account: "4", Kind: persons.ReasonPhone, Value: "+447700900001"},
		{Account: "5", Kind: persons.ReasonPhone, Value: "+447700900001"},
	}
	tests := []struct {
		name       string
		max        int
		overrides  []persons.Override
		want       [][]string
		unresolved int
	}{
		{"evidence only", 10, nil, [][]string{{"1", "2", "3"}, {"4", "5"}, {"6"}}, 0},
		{"bound drops shared values", 1, nil, [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}}, 0},
		{"merge", 10, []persons.Override{{A: "6", B: "4", Action: "merge", Note: "same IP"}}, [][]string{{"1", "2", "3"}, {"4", "5", "6"}}, 0},
		{"split direct", 10, []persons.Override{{A: "3", B: "2", Action: "split"}}, [][]string{{"1", "2"}, {"3"}, {"4", "5"}, {"6"}}, 0},
		{"split indirect is unresolved", 10, []persons.Override{{A: "1", B: "3", Action: "split"}}, [][]string{{"1", "2", "3"}, {"4", "5"}, {"6"}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edges, _ := persons.Edges(ev, persons.Config{MaxAccounts: tt.max})
			g := persons.Group([]string{"1", "2", "3", "4", "5", "6"}, edges, tt.overrides)
			if !reflect.DeepEqual(g.Persons, tt.want) {
				t.Errorf("persons = %v; want %v", g.Persons, tt.want)
			}
			if len(g.Unresolved) != tt.unresolved {
				t.Errorf("unresolved = %v; want %d", g.Unresolved, tt.unresolved)
			}
		})
	}
}

func TestExplain(t *testing.T) {
	edges := []persons.Edge{
		{A: "1", B: "2", Reason: persons.ReasonEmail, Detail: "a@x.test"},
		{A: "2", B: "3", Reason: persons.ReasonCluster, Detail: "77"},
	}
	g := persons.Group(nil, edges, nil)
	paths, err := g.Explain("1")
	if err != nil {
		t.Fatal(err)
	}
	if p := paths["3"]; len(p) != 2 || p[0].Reason != persons.ReasonEmail || p[1].Reason != persons.ReasonCluster {
		t.Errorf("path 1→3 = %+v; want email then paying_cluster", p)
	}
	if _, err := g.Explain("9"); err == nil {
		t.Error("Explain(unknown account) = nil error")
	}
}

func TestByAccount(t *testing.T) {
	payers := []persons.Payer{
		{Account: "b", Sats: 100, PayingCluster: 5, Direct: true, Sources: []persons.Source{{Entity: "Kraken", Category: "exchange", Sats: 100, Hops: 1}}},
		{Account: "a", Sats: 300, PayingCluster: 9, Sources: []persons.Source{{Entity: "Bitstamp", Category: "exchange", Sats: 200, Hops: 3}}},
		{Account: "a", Sats: 100, PayingCluster: 9, Sources: []persons.Source{{Entity: "Kraken", Category: "exchange", Sats: 100, Hops: 1}}},
	}
	got := persons.ByAccount(payers)
	if len(got) != 2 || got[0].Account != "a" || got[0].Payments != 2 || got[0].TopSource != "Bitstamp" || got[0].TopShare != 0.5 ||
		!reflect.DeepEqual(got[0].PayingClusters, []uint32{9}) || got[1].Direct != 1 {
		t.Errorf("ByAccount = %+v", got)
	}
}

func TestEdgesCorroboration(t *testing.T) {
	ev := []persons.Evidence{
		// 1, 2: one wallet, no other evidence (friends sharing a wallet).
		{Account: "1", Kind: persons.ReasonCluster, Value: "77"},
		{Account: "2", Kind: persons.ReasonCluster, Value: "77"},
		// 3, 4: one wallet and one home address.
		{Account: "3", Kind: persons.ReasonCluster, Value: "88"},
		{Account: "4", Kind: persons.ReasonCluster, Value: "88"},
		{Account: "3", Kind: persons.ReasonLoginIP, Value: "81.2.69.160"},
		{Account: "4", Kind: persons.ReasonLoginIP, Value: "81.2.69.160"},
		// 5, 6: two login addresses in common.
		{Account: "5", Kind: persons.ReasonLoginIP, Value: "81.2.69.161"},
		{Account: "6", Kind: persons.ReasonLoginIP, Value: "81.2.69.161"},
		{Account: "5", Kind: persons.ReasonLoginIP, Value: "81.2.69.162"},
		{Account: "6", Kind: persons.ReasonLoginIP, Value: "81.2.69.162"},
		// 7, 8: one e-mail address only.
		{Account: "7", Kind: persons.ReasonEmail, Value: "kyle_smith3@icloud.com"},
		{Account: "8", Kind: persons.ReasonEmail, Value: "kyle_smith3@icloud.com"},
		// 9, 10: a phone number is enough on its own.
		{Account: "9", Kind: persons.ReasonPhone, Value: "+447400123456"},
		{Account: "10", Kind: persons.ReasonPhone, Value: "+447400123456"},
		// 11–14: a login address of four accounts (a VPN exit) is dropped,
		// so 11 and 12 have a wallet but no address in common.
		{Account: "11", Kind: persons.ReasonCluster, Value: "99"},
		{Account: "12", Kind: persons.ReasonCluster, Value: "99"},
		{Account: "11", Kind: persons.ReasonLoginIP, Value: "185.65.134.1"},
		{Account: "12", Kind: persons.ReasonLoginIP, Value: "185.65.134.1"},
		{Account: "13", Kind: persons.ReasonLoginIP, Value: "185.65.134.1"},
		{Account: "14", Kind: persons.ReasonLoginIP, Value: "185.65.134.1"},
	}
	var accs []string
	for i := 1; i <= 14; i++ {
		accs = append(accs, strconv.Itoa(i))
	}
	edges, dropped := persons.Edges(ev, persons.DefaultConfig())
	g := persons.Group(accs, edges, nil)
	want := [][]string{{"1"}, {"10", "9"}, {"11"}, {"12"}, {"13"}, {"14"}, {"2"}, {"3", "4"}, {"5", "6"}, {"7"}, {"8"}}
	if !reflect.DeepEqual(g.Persons, want) {
		t.Errorf("persons = %v; want %v", g.Persons, want)
	}
	if len(dropped) != 1 || dropped[0].Kind != persons.ReasonLoginIP || dropped[0].Accounts != 4 {
		t.Errorf("dropped = %+v; want the address of four accounts", dropped)
	}
	// Every piece of evidence of a corroborated pair is kept as a link.
	var got []string
	for _, e := range edges {
		got = append(got, e.A+"-"+e.B+" "+e.Reason)
	}
	wantEdges := []string{"10-9 phone", "3-4 login_ip", "3-4 paying_cluster", "5-6 login_ip", "5-6 login_ip"}
	if !reflect.DeepEqual(got, wantEdges) {
		t.Errorf("edges = %q; want %q", got, wantEdges)
	}
	// Corroboration 1 is the rule without weak evidence: anything joins.
	cfg := persons.DefaultConfig()
	cfg.Corroboration = 1
	edges, _ = persons.Edges(ev, cfg)
	if g := persons.Group(accs, edges, nil); g.Person["1"] != g.Person["2"] || g.Person["7"] != g.Person["8"] {
		t.Errorf("corroboration 1: persons = %v; want 1-2 and 7-8 joined", g.Persons)
	}
}

func TestNormPhoneIP(t *testing.T) {
	for in, want := range map[string]string{
		"+447400123456": "+447400123456", " +31612345678 ": "+31612345678",
		"+": "", "n/a": "", "07": "", "0": "", "07400123456": "", "+0123456789": "", "+44 7400 123456": "",
		"+1234567890123456": "",
	} {
		if got := persons.NormPhone(in); got != want {
			t.Errorf("NormPhone(%q) = %q; want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"81.2.69.160": "81.2.69.160", "::ffff:81.2.69.160": "81.2.69.160", "2a00:1450:4009:80b::200e": "2a00:1450:4009:80b::200e",
		"10.0.0.7": "", "192.168.1.1": "", "127.0.0.1": "", "100.64.1.1": "", "169.254.1.1": "", "192.0.2.1": "",
		"2001:db8::1": "", "fe80::1": "", "not an address": "", "": "",
	} {
		if got := persons.NormIP(in); got != want {
			t.Errorf("NormIP(%q) = %q; want %q", in, got, want)
		}
	}
}
