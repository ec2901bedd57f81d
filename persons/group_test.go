package persons_test

import (
	"reflect"
	"testing"

	"github.com/coinsift/coinsift/persons"
)

func TestGroup(t *testing.T) {
	ev := []persons.Evidence{
		{Account: "1", Kind: "telegram", Value: "nightowl"},
		{Account: "2", Kind: "telegram", Value: "nightowl"},
		{Account: "2", Kind: persons.ReasonAddress, Value: "bc1qcustomerown"},
		{Account: "3", Kind: persons.ReasonAddress, Value: "bc1qcustomerown"},
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
