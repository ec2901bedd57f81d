package place_test

import (
	"strings"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/place"
)

func TestEmail(t *testing.T) {
	tests := []struct {
		name, addr string
		want       coinsift.Country
		value      string
		detail     string
	}{
		{"uk webmail", "kyle99@hotmail.co.uk", "GB", "hotmail.co.uk", "ccTLD .uk"},
		{"yahoo uk", "x@yahoo.co.uk", "GB", "yahoo.co.uk", "ccTLD .uk"},
		{"dutch isp", "daan@ziggo.nl", "NL", "ziggo.nl", "ccTLD .nl"},
		{"german webmail", "a@WEB.DE", "DE", "web.de", "ccTLD .de"},
		{"gmx.de", "a@gmx.de", "DE", "gmx.de", "ccTLD .de"},
		{"t-online", "a@t-online.de", "DE", "t-online.de", "ccTLD .de"},
		{"orange", "a@orange.fr", "FR", "orange.fr", "ccTLD .fr"},
		{"libero", "a@libero.it", "IT", "libero.it", "ccTLD .it"},
		{"mail.ru", "a@mail.ru", "RU", "mail.ru", "ccTLD .ru"},
		{"optus", "a@optusnet.com.au", "AU", "optusnet.com.au", "ccTLD .au"},
		{"bt on .com", "a@btinternet.com", "GB", "btinternet.com", "provider btinternet.com"},
		{"sky on .com", "a@Sky.com", "GB", "sky.com", "provider sky.com"},
		{"bigpond on .com", "a@bigpond.com", "AU", "bigpond.com", "provider bigpond.com"},
		{"trailing dot", "a@example.ie.", "IE", "example.ie", "ccTLD .ie"},
		{"surrounding space", " a@example.pt\n", "PT", "example.pt", "ccTLD .pt"},
		{"inner space", "a@ example.pt", "", "", ""},
		{"punycode", "a@xn--bcher-kva.de", "DE", "xn--bcher-kva.de", "ccTLD .de"},
		{"two @", "a@b@c.fr", "", "", ""},
		{"quoted @ in local part", "\"a@b\"@c.fr", "FR", "c.fr", "ccTLD .fr"},
		{"gmail", "a@gmail.com", "", "", ""},
		{"outlook", "a@outlook.com", "", "", ""},
		{"protonmail", "a@protonmail.com", "", "", ""},
		{"generic org", "a@example.org", "", "", ""},
		{"vanity io", "a@startup.io", "", "", ""},
		{"vanity co", "a@brand.co", "", "", ""},
		{"vanity me", "a@about.me", "", "", ""},
		{"eu", "a@europa.eu", "", "", ""},
		{"unassigned zz", "a@x.zz", "", "", ""},
		{"quoted local part", "\"evil@x.fr\"@gmail.com", "", "", ""},
		{"no at", "daan.ziggo.nl", "", "", ""},
		{"empty local", "@ziggo.nl", "", "", ""},
		{"empty domain", "a@", "", "", ""},
		{"single label", "a@nl", "", "", ""},
		{"leading dot", "a@.nl", "", "", ""},
		{"double dot", "a@b..nl", "", "", ""},
		{"hyphen label", "a@-b.nl", "", "", ""},
		{"digit tld", "a@b.n1", "", "", ""},
		{"ip literal", "a@[81.128.0.1]", "", "", ""},
		{"numeric host", "a@81.128.0.1", "", "", ""},
		{"unicode domain", "a@bücher.de", "", "", ""},
		{"nul byte", "a@b.nl\x00", "", "", ""},
		{"markup", "a@b.nl<script>alert(1)</script>", "", "", ""},
		{"sql", "a@b.nl'; DROP TABLE x;--", "", "", ""},
		{"crlf", "a@b.nl\r\nBcc: x@y.fr", "", "", ""},
		{"long label", "a@" + strings.Repeat("x", 64) + ".nl", "", "", ""},
		{"too long", "a@" + strings.Repeat("x.", 200) + "nl", "", "", ""},
		{"invalid utf8", "a@\xff\xfe.nl", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := place.Email(tt.addr)
			if tt.want == "" {
				if ok {
					t.Fatalf("Email(%q) = %+v; want no signal", tt.addr, s)
				}
				return
			}
			want := place.Signal{Kind: place.KindEmail, Country: tt.want, Weight: 1, Value: tt.value, Detail: tt.detail}
			if !ok || s != want {
				t.Fatalf("Email(%q) = %+v, %v; want %+v", tt.addr, s, ok, want)
			}
		})
	}
}

func FuzzEmail(f *testing.F) {
	for _, s := range []string{"a@hotmail.co.uk", "a@btinternet.com", "a@gmail.com", "a@b..nl", "a@\xff.nl", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, addr string) {
		s, ok := place.Email(addr)
		if !ok {
			return
		}
		if _, valid := place.ParseCountry(string(s.Country)); !valid || s.Value != strings.ToLower(s.Value) ||
			strings.ContainsAny(s.Value, "@ \x00") || len(s.Value) > 253 {
			t.Fatalf("Email(%q) = %+v", addr, s)
		}
	})
}

func TestExchange(t *testing.T) {
	tests := []struct {
		name, country string
		want          coinsift.Country
	}{
		{"Coinbase UK", "GB", "GB"},
		{"Bitvavo", "nl", "NL"},
		{"Binance", "", ""},
		{"Kraken EU", "EU", ""},
		{"Unknown", "ZZ", ""},
		{"Junk", "United Kingdom", ""},
	}
	for _, tt := range tests {
		s, ok := place.Exchange(tt.name, tt.country)
		if ok != (tt.want != "") || s.Country != tt.want {
			t.Errorf("Exchange(%q, %q) = %+v, %v; want %q", tt.name, tt.country, s, ok, tt.want)
			continue
		}
		if ok && (s.Kind != place.KindExchange || s.Value != tt.name || s.Weight != 1) {
			t.Errorf("Exchange(%q, %q) = %+v", tt.name, tt.country, s)
		}
	}
}

func TestExchanges(t *testing.T) {
	tests := []struct {
		countries []string
		payments  int
		want      []coinsift.Country
		weight    float64
		detail    string
	}{
		{[]string{"NL"}, 1, []coinsift.Country{"NL"}, 1, "exchange jurisdiction, funded 1 payment"},
		{[]string{"nl", "BE", "NL", "EU", ""}, 3, []coinsift.Country{"NL", "BE"}, 0.5, "exchange jurisdiction (1 of 2), funded 3 payments"},
		{[]string{"US", "GB", "IE", "DE"}, 0, []coinsift.Country{"US", "GB", "IE", "DE"}, 0.25, "exchange jurisdiction (1 of 4)"},
		{[]string{"ZZ", "EU"}, 2, nil, 0, ""},
		{nil, 2, nil, 0, ""},
	}
	for _, tt := range tests {
		got := place.Exchanges("Bitvavo", tt.countries, tt.payments)
		if len(got) != len(tt.want) {
			t.Errorf("Exchanges(%q) = %+v; want countries %v", tt.countries, got, tt.want)
			continue
		}
		for i, s := range got {
			if s.Country != tt.want[i] || s.Weight != tt.weight || s.Detail != tt.detail || s.Kind != place.KindExchange || s.Value != "Bitvavo" {
				t.Errorf("Exchanges(%q)[%d] = %+v; want %s weight %v detail %q", tt.countries, i, s, tt.want[i], tt.weight, tt.detail)
			}
		}
	}
}
