package detect_test

import (
	"testing"

	"github.com/coinsift/coinsift/seized/detect"
	"github.com/google/go-cmp/cmp"
)

func TestBitcoinAddress(t *testing.T) {
	tests := []struct {
		in   string
		net  detect.Network
		want bool
	}{
		{"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", detect.Mainnet, true}, // genesis P2PKH
		{"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", detect.Mainnet, true}, // P2SH
		{"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", detect.Mainnet, true},
		{"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", detect.Mainnet, true},                     // BIP173 upper case
		{"bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", detect.Mainnet, true}, // BIP350 taproot
		{"tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", detect.Testnet, true},
		{"mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", detect.Testnet, true},
		{"bcrt1qs758ursh4q9z627kt3pp5yysm78ddny6txaqgw", detect.Regtest, true},
		{"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "", false},                                         // bad checksum
		{"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdQ", "", false},                                 // mixed case
		{"bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx", "", false}, // v1 with bech32 checksum
		{"bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", "", false},                                      // BIP350: v2 with bech32 checksum
		{"hello", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		net, ok := detect.BitcoinAddress(tt.in)
		if ok != tt.want || net != tt.net {
			t.Errorf("BitcoinAddress(%q) = %q, %v; want %q, %v", tt.in, net, ok, tt.net, tt.want)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		in   string
		want []detect.Kind
	}{
		{"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", []detect.Kind{detect.BTCAddress}},
		{"4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b", []detect.Kind{detect.TxID}},
		{"alice@example.co.uk", []detect.Kind{detect.Email}},
		{"+44 20 7946 0958", []detect.Kind{detect.Phone}},
		{"07400123456", []detect.Kind{detect.Integer, detect.Phone}},
		{"192.168.1.20", []detect.Kind{detect.IPv4}},
		{"2001:db8::1", []detect.Kind{detect.IPv6}},
		{"2022-11-24 10:00:00", []detect.Kind{detect.Timestamp}},
		{"2022-11-24T10:00:00Z", []detect.Kind{detect.Timestamp}},
		{"0000-00-00 00:00:00", nil},
		{"1669284000", []detect.Kind{detect.Integer, detect.EpochS}},
		{"1669284000123", []detect.Kind{detect.Integer, detect.EpochMS}},
		{"0.00150000", []detect.Kind{detect.Decimal, detect.BTCAmount}},
		{"240.00", []detect.Kind{detect.Decimal, detect.BTCAmount}},
		{"GBP", []detect.Kind{detect.Currency}},
		{"gb", []detect.Kind{detect.Country}},
		{"1", []detect.Kind{detect.Integer, detect.Boolean}},
		{"Robert'); DROP TABLE users;--", nil},
	}
	for _, tt := range tests {
		got := detect.Classify(tt.in, "GB")
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Classify(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestPhone(t *testing.T) {
	tests := []struct{ in, region, e164, country string }{
		{"07400 123456", "GB", "+447400123456", "GB"},
		{"+33 6 12 34 56 78", "GB", "+33612345678", "FR"},
		{"(02) 9876 5432", "AU", "+61298765432", "AU"},
	}
	for _, tt := range tests {
		e, c, ok := detect.PhoneNumber(tt.in, tt.region)
		if !ok || e != tt.e164 || c != tt.country {
			t.Errorf("PhoneNumber(%q, %s) = %q, %q, %v; want %q, %q", tt.in, tt.region, e, c, ok, tt.e164, tt.country)
		}
	}
}

func TestProfile(t *testing.T) {
	p := detect.Profile{Region: "GB"}
	for _, v := range []string{"a@b.com", "c@d.org", "nope", ""} {
		p.Add([]byte(v))
	}
	p.AddNull()
	got := p.Matches(0.1)
	want := []detect.Match{{Kind: detect.Email, Count: 2, Share: 2.0 / 3}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Matches mismatch (-want +got):\n%s", diff)
	}
	if p.Count != 5 || p.Nulls != 1 || p.Empty != 1 {
		t.Errorf("counts = %d, %d, %d; want 5, 1, 1", p.Count, p.Nulls, p.Empty)
	}
}
