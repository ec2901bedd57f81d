package tags_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/tags"
)

func attribution(tb testing.TB) string {
	tb.Helper()
	d := filepath.Join("..", "..", "shared", "data", "attribution")
	if _, err := os.Stat(d); err != nil {
		tb.Skipf("real attribution files absent (%s): %v", d, err)
	}
	return d
}

func TestRealFiles(t *testing.T) {
	d := attribution(t)
	tests := []struct {
		file              string
		format            tags.Format
		tags, actors, bad int
		other             int64
		addr, label       string
		confidence        int
		clusterDefiner    bool
	}{
		{"graphsense-tagpacks/packs/walletexplorer.yaml", tags.FormatTagPack, 386, 0, 0, 0, "3G3VG4X1WquWjqXT27JRwrRoyZgdyWf1dT", "Kraken.com", 50, true},
		{"graphsense-tagpacks/packs/ofac.yaml", tags.FormatTagPack, 384, 0, 1, 187, "3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3", "Asset listed under US Treasury OFAC Sanctions List", -1, false},
		{"graphsense-tagpacks/packs/exchange-wallets-binance.yaml", tags.FormatTagPack, 4, 0, 0, 82, "34xp4vRoCGJym3xR7yCVPFHoCNxv4Twseo", "binance reserve wallets BTC", 50, true},
		{"ofac/sanctioned_addresses_XBT.txt", tags.FormatOFACText, 434, 0, 1, 0, "123WBUDmSJv4GctdVEz6Qq6z8nXSKrJ4KX", tags.OFACLabel, 60, false},
		{"ofac/sanctioned_addresses_XBT.json", tags.FormatOFACJSON, 434, 0, 1, 0, "123WBUDmSJv4GctdVEz6Qq6z8nXSKrJ4KX", tags.OFACLabel, 60, false},
		{"watchyourback/tagging/malreports/20210430_hamas.tags", tags.FormatWYB, 320, 0, 1, 0, "3PajPWymUexhewHPczmLQ8CMYatKAGNj3y", "VirtualCurrencyExchange1 (hamas-fto)", -1, false},
		{"graphsense-tagpacks/actors/graphsense.actorpack.yaml", tags.FormatActorPack, 0, 3813, 0, 0, "", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r, err := tags.ReadFile(filepath.Join(d, tt.file), tags.Options{Evidence: "ev"})
			if err != nil {
				t.Fatal(err)
			}
			if r.Format != tt.format || len(r.Tags) != tt.tags || len(r.Actors) != tt.actors || len(r.Bad) != tt.bad || r.SkippedOther != tt.other {
				t.Errorf("Read = format %s, %d tags, %d actors, %d bad, %d other; want %s, %d, %d, %d, %d",
					r.Format, len(r.Tags), len(r.Actors), len(r.Bad), r.SkippedOther, tt.format, tt.tags, tt.actors, tt.bad, tt.other)
			}
			for _, b := range r.Bad {
				if b.Row <= 0 || b.Reason == "" {
					t.Errorf("bad row without provenance: %+v", b)
				}
			}
			if tt.addr == "" {
				return
			}
			for _, tg := range r.Tags {
				if string(tg.Address) == tt.addr {
					if tg.Label != tt.label || tg.ConfidenceLevel != tt.confidence || tg.IsClusterDefiner != tt.clusterDefiner || tg.Evidence != "ev" || tg.Row <= 0 {
						t.Errorf("tag %s = %+v; want label %q, level %d, cluster definer %v", tt.addr, tg, tt.label, tt.confidence, tt.clusterDefiner)
					}
					return
				}
			}
			t.Errorf("no tag for %s", tt.addr)
		})
	}
}

func TestHeaderInheritance(t *testing.T) {
	const pack = `title: T
label: header label
category: exchange
confidence: forensic
currency: BTC
is_cluster_definer: true
tags:
- address: 1BoatSLRHtKNngkdXEeobR76b53LETtpyT
- address: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq
  label: own label
  is_cluster_definer: false
  confidence: web_crawl
- address: 0xdeadbeef
  currency: ETH
- address: not-an-address
- address: bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080
`
	r, err := tags.Read(strings.NewReader(pack), "p.yaml", tags.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Tags) != 2 || len(r.Bad) != 2 || r.OtherCurrency["ETH"] != 1 {
		t.Fatalf("tags %d bad %d other %v; want 2, 2 (invalid, regtest on mainnet), ETH 1", len(r.Tags), len(r.Bad), r.OtherCurrency)
	}
	a, b := r.Tags[0], r.Tags[1]
	if a.Label != "header label" || a.Category != "exchange" || a.ConfidenceLevel != 50 || !a.IsClusterDefiner || a.Pack != "T" {
		t.Errorf("inherited tag = %+v", a)
	}
	if b.Label != "own label" || b.IsClusterDefiner || b.Confidence != "web_crawl" || b.Category != "exchange" {
		t.Errorf("overriding tag = %+v", b)
	}
	// The regtest address is valid when the case is on regtest.
	r, err = tags.Read(strings.NewReader(pack), "p.yaml", tags.Options{Network: tags.Regtest})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Tags) != 1 || r.Tags[0].Address != "bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080" {
		t.Errorf("regtest tags = %+v; want the bcrt1 address only", r.Tags)
	}
}

func TestValidAddress(t *testing.T) {
	tests := []struct {
		in   string
		net  tags.Network
		want string // "" invalid
	}{
		{"1BoatSLRHtKNngkdXEeobR76b53LETtpyT", tags.Mainnet, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"},
		{"3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3", tags.Mainnet, "3K35dyL85fR9ht7UgzPfd1gLRRXQtNTqE3"},
		{"BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", tags.Mainnet, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"},
		{"bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", tags.Mainnet, "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"},
		{"1BoatSLRHtKNngkdXEeobR76b53LETtpyU", tags.Mainnet, ""}, // checksum
		{"mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", tags.Mainnet, ""}, // testnet on mainnet
		{"mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", tags.Regtest, "mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn"},
		{"TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq", tags.Mainnet, ""}, // Tron
	}
	for _, tt := range tests {
		got, err := tags.ValidAddress(tt.in, tt.net)
		if string(got) != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("ValidAddress(%q, %s) = %q, %v; want %q", tt.in, tt.net, got, err, tt.want)
		}
	}
}

func TestHostile(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 1; i < 10; i++ {
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(",")
			}
			b.WriteString("*a" + string(rune('0'+i-1)))
		}
		b.WriteString("]\n")
	}
	b.WriteString("tags:\n- address: *a9\n")
	_, err := tags.Read(strings.NewReader(b.String()), "laughs.yaml", tags.Options{})
	if !errors.Is(err, tags.ErrTooLarge) {
		t.Errorf("billion laughs: err = %v; want ErrTooLarge", err)
	}
	big := strings.NewReader(strings.Repeat("1BoatSLRHtKNngkdXEeobR76b53LETtpyT\n", tags.MaxFileSize/35+10))
	if _, err := tags.Read(big, "big.txt", tags.Options{}); !errors.Is(err, tags.ErrTooLarge) {
		t.Errorf("oversized file: err = %v; want ErrTooLarge", err)
	}
	for _, in := range []string{"", "title: x\n", "tags: [\n", "a,b\n"} {
		if _, err := tags.Read(strings.NewReader(in), "x", tags.Options{}); err == nil || !strings.Contains(err.Error(), "x") {
			t.Errorf("Read(%q) err = %v; want an error naming the file", in, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte("tags:\n- address: 1BoatSLRHtKNngkdXEeobR76b53LETtpyT\n  label: x\n  currency: BTC\n"))
	f.Add([]byte("address,label,category,source\n1BoatSLRHtKNngkdXEeobR76b53LETtpyT,x,exchange,s\n"))
	f.Add([]byte("1BoatSLRHtKNngkdXEeobR76b53LETtpyT,btc,ransomware,x,,u\n"))
	f.Add([]byte(`["1BoatSLRHtKNngkdXEeobR76b53LETtpyT", 3]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			t.Skip()
		}
		r, err := tags.Read(strings.NewReader(string(data)), "fuzz", tags.Options{})
		if err != nil {
			return
		}
		for _, tg := range r.Tags {
			if tg.Address == "" || tg.Currency != "BTC" || tg.Label == "" {
				t.Fatalf("kept tag %+v", tg)
			}
		}
	})
}

// TestValidAddressAnyNetwork: before the chain is imported, an address of
// any network is kept (late resolution), and garbage is still refused.
func TestValidAddressAnyNetwork(t *testing.T) {
	for _, tt := range []struct {
		in string
		ok bool
	}{
		{"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", true},
		{"bcrt1q3ds57xa2hv432umr3z7hrx09pmukdlj8nc2y2x", true},
		{"2NCsEGy84iDBUYpebMMd6PgGW4kNSMVw8ja", true},
		{"1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", true},
		{"not an address at all", false},
		{"bcrt1q3ds57xa2hv432umr3z7hrx09pmukdlj8nc2y2y", false},
	} {
		_, err := tags.ValidAddress(tt.in, tags.AnyNetwork)
		if (err == nil) != tt.ok {
			t.Errorf("ValidAddress(%q, any) = %v; want ok %v", tt.in, err, tt.ok)
		}
	}
	if _, err := tags.ValidAddress("bcrt1q3ds57xa2hv432umr3z7hrx09pmukdlj8nc2y2x", tags.Mainnet); err == nil {
		t.Error("a regtest address is valid on mainnet")
	}
}
