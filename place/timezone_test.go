package place_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // zones for generating login series independent of the host

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/place"
)

// logins generates n login times over 2023–2024 for a person in zone name
// who is active between the local hours from and to (to may pass midnight,
// e.g. 8 to 25) and logs in outside them with probability stray.
func logins(tb testing.TB, name string, n, from, to int, stray float64, seed uint64) []time.Time {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatal(err)
	}
	r := rand.New(rand.NewPCG(seed, 7))
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, loc)
	out := make([]time.Time, n)
	for i := range out {
		h := from + r.IntN(to-from)
		if r.Float64() < stray {
			h = r.IntN(24)
		}
		d := start.AddDate(0, 0, r.IntN(730))
		out[i] = time.Date(d.Year(), d.Month(), d.Day(), h, r.IntN(60), r.IntN(60), 0, loc)
	}
	return out
}

func countries(ss []place.Signal) []coinsift.Country {
	var out []coinsift.Country
	for _, s := range ss {
		out = append(out, s.Country)
	}
	return out
}

func TestTimezone(t *testing.T) {
	tests := []struct {
		name     string
		zone     string
		from, to int
		want     []coinsift.Country // among the candidates
		not      []coinsift.Country // not among them
	}{
		{"london", "Europe/London", 8, 25, []coinsift.Country{"GB", "IE", "PT"}, []coinsift.Country{"US", "CA", "BR", "AU", "JP", "IN"}},
		{"amsterdam", "Europe/Amsterdam", 8, 25, []coinsift.Country{"NL", "DE", "FR"}, []coinsift.Country{"US", "AU", "CN"}},
		{"late sleeper in london", "Europe/London", 10, 27, []coinsift.Country{"GB"}, []coinsift.Country{"US", "AU"}},
		{"new york", "America/New_York", 8, 25, []coinsift.Country{"US", "CA"}, []coinsift.Country{"GB", "AU", "NL"}},
		{"los angeles", "America/Los_Angeles", 8, 25, []coinsift.Country{"US"}, []coinsift.Country{"GB", "AU"}},
		{"sydney", "Australia/Sydney", 8, 25, []coinsift.Country{"AU"}, []coinsift.Country{"GB", "US", "NL", "IN"}},
		{"sao paulo", "America/Sao_Paulo", 8, 25, []coinsift.Country{"BR", "AR"}, []coinsift.Country{"GB", "AU", "JP"}},
		{"tokyo", "Asia/Tokyo", 8, 25, []coinsift.Country{"JP"}, []coinsift.Country{"GB", "US"}},
		{"kolkata half-hour zone", "Asia/Kolkata", 8, 25, []coinsift.Country{"IN"}, []coinsift.Country{"GB", "US"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := place.Timezone(logins(t, tt.zone, 300, tt.from, tt.to, 0.02, 1))
			got := countries(ss)
			t.Logf("Timezone(%s) = %v", tt.zone, got)
			if len(got) == 0 {
				t.Fatalf("Timezone(%s) = no signal; want candidates %v", tt.zone, tt.want)
			}
			for _, c := range tt.want {
				if !slices.Contains(got, c) {
					t.Errorf("Timezone(%s) = %v; want %s among them", tt.zone, got, c)
				}
			}
			for _, c := range tt.not {
				if slices.Contains(got, c) {
					t.Errorf("Timezone(%s) = %v; want no %s", tt.zone, got, c)
				}
			}
			sum := 0.0
			for _, s := range ss {
				sum += s.Weight
				if s.Kind != place.KindTimezone || s.Weight != ss[0].Weight || s.Value == "" || s.Detail == "" {
					t.Errorf("Timezone(%s) signal %+v", tt.zone, s)
				}
			}
			if math.Abs(sum-1) > 1e-9 {
				t.Errorf("Timezone(%s) weights sum to %v; want 1", tt.zone, sum)
			}
			if !slices.IsSorted(got) {
				t.Errorf("Timezone(%s) = %v; want sorted by country", tt.zone, got)
			}
		})
	}
}

func TestTimezoneNoSignal(t *testing.T) {
	tests := []struct {
		name string
		ts   []time.Time
	}{
		{"none", nil},
		{"fewer than MinLogins", logins(t, "Europe/London", place.MinLogins-1, 8, 25, 0, 1)},
		{"round the clock", logins(t, "Europe/London", 500, 0, 24, 0, 2)},
		{"evenings only: too vague", logins(t, "Europe/London", 200, 20, 23, 0, 3)},
	}
	for _, tt := range tests {
		if ss := place.Timezone(tt.ts); ss != nil {
			t.Errorf("Timezone(%s) = %v; want no signal", tt.name, countries(ss))
		}
	}
}

func TestTimezoneDeterministic(t *testing.T) {
	ts := logins(t, "Europe/Paris", 100, 8, 25, 0.02, 9)
	a := place.Timezone(ts)
	rev := slices.Clone(ts)
	slices.Reverse(rev)
	if b := place.Timezone(rev); !slices.Equal(a, b) {
		t.Fatalf("Timezone depends on login order: %v vs %v", a, b)
	}
}
