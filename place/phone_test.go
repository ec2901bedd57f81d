package place_test

import (
	"strings"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/place"
)

func TestPhone(t *testing.T) {
	tests := []struct {
		name, number, region string
		want                 coinsift.Country
		value, detail        string
		weight               float64
	}{
		{"uk mobile e164", "+447400123456", "GB", "GB", "+447400123456", "+44 mobile", 1},
		{"uk mobile national", "07400 123456", "GB", "GB", "+447400123456", "+44 mobile", 1},
		{"uk mobile 0044", "0044 7400 123456", "GB", "GB", "+447400123456", "+44 mobile", 1},
		{"uk mobile spaced dashes", "+44 (0)7400-123-456", "", "GB", "+447400123456", "+44 mobile", 1},
		{"london fixed line", "+44 20 7946 0958", "GB", "GB", "+442079460958", "+44 fixed line", 1},
		{"uk voip 056", "+44 56 1234 5678", "GB", "GB", "+445612345678", "+44 voip", 0.3},
		{"uk personal 070", "+447000123456", "GB", "GB", "+447000123456", "+44 personal number", 0.3},
		{"guernsey mobile on +44", "+447911123456", "GB", "GG", "+447911123456", "+44 mobile", 1},
		{"isle of man mobile on +44", "+447624123456", "GB", "IM", "+447624123456", "+44 mobile", 1},
		{"dutch mobile", "+31 6 12345678", "GB", "NL", "+31612345678", "+31 mobile", 1},
		{"dutch national with NL region", "06-12345678", "NL", "NL", "+31612345678", "+31 mobile", 1},
		{"australian mobile", "+61 412 345 678", "GB", "AU", "+61412345678", "+61 mobile", 1},
		{"irish mobile", "+353 85 123 4567", "GB", "IE", "+353851234567", "+353 mobile", 1},
		{"french mobile", "+33 6 12 34 56 78", "GB", "FR", "+33612345678", "+33 mobile", 1},
		{"us number", "+1 202-555-0123", "GB", "US", "+12025550123", "+1 fixed line or mobile", 1},
		{"north american layout in a GB case", "(204) 301-7532", "GB", "CA", "+12043017532", "+1 fixed line or mobile (North American layout)", 1},
		{"north american layout, dashes", "202-555-0123", "GB", "US", "+12025550123", "+1 fixed line or mobile (North American layout)", 1},
		{"north american layout, no space", "(416)555-0123", "GB", "CA", "+14165550123", "+1 fixed line or mobile (North American layout)", 1},
		{"north american layout in a US case", "(202) 555-0123", "US", "US", "+12025550123", "+1 fixed line or mobile", 1},
		{"area code 1xx is not north american", "(123) 555-0123", "GB", "GB", "+441235550123", "+44 fixed line", 1},
		{"uk national is not north american", "020 7946 0958", "GB", "GB", "+442079460958", "+44 fixed line", 1},
		{"region in lower case", "07400123456", "gb", "GB", "+447400123456", "+44 mobile", 1},
		{"ofcom drama range is invalid", "+447700900123", "GB", "", "", "", 0},
		{"drama range national", "07700 900123", "GB", "", "", "", 0},
		{"national number without region", "0612345678", "", "", "", "", 0},
		{"unknown default region", "07400123456", "XX", "", "", "", 0},
		{"too short", "+44740", "GB", "", "", "", 0},
		{"international toll free 800", "+800 1234 5678", "GB", "", "", "", 0},
		{"garbage", "call me maybe", "GB", "", "", "", 0},
		{"empty", "", "GB", "", "", "", 0},
		{"plus only", "+", "GB", "", "", "", 0},
		{"sql injection", "'; DROP TABLE users; --", "GB", "", "", "", 0},
		{"oversized", "+44" + strings.Repeat("7", 200), "GB", "", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := place.Phone(tt.number, tt.region)
			if tt.want == "" {
				if ok {
					t.Fatalf("Phone(%q, %q) = %+v; want no signal", tt.number, tt.region, s)
				}
				return
			}
			want := place.Signal{Kind: place.KindPhone, Country: tt.want, Weight: tt.weight, Value: tt.value, Detail: tt.detail}
			if !ok || s != want {
				t.Fatalf("Phone(%q, %q) = %+v, %v; want %+v", tt.number, tt.region, s, ok, want)
			}
		})
	}
}

func FuzzPhone(f *testing.F) {
	for _, s := range []string{"+447400123456", "07400 123456", "+1 202-555-0123", "+800 1234 5678", "garbage", ""} {
		f.Add(s, "GB")
	}
	f.Fuzz(func(t *testing.T, number, region string) {
		s, ok := place.Phone(number, region)
		if !ok {
			return
		}
		if _, valid := place.ParseCountry(string(s.Country)); !valid || !strings.HasPrefix(s.Value, "+") {
			t.Fatalf("Phone(%q, %q) = %+v", number, region, s)
		}
	})
}
