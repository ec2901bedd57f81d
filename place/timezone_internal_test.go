package place

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // the tz database, so that the check does not depend on the host
)

// TestZoneRules checks the built-in daylight-saving rules against the IANA
// tz database, every three hours: since 2010 for zones whose rule has not
// changed, since 2023 for all (Mexico dropped DST in 2022, Brazil in 2019).
// Israel starts DST on the Friday before the EU does; allow that.
func TestZoneRules(t *testing.T) {
	stable := map[dstRule]bool{euDST: true, usDST: true, auDST: true, nzDST: true}
	for _, z := range zones {
		loc, err := time.LoadLocation(z.name)
		if err != nil {
			t.Fatalf("load %s: %v", z.name, err)
		}
		from := 2023
		if stable[z.dst] && z.name != "Asia/Jerusalem" { // Israel's rule dates from 2013
			from = 2010
		}
		for y := from; y <= 2030; y++ {
			bad := 0
			for at := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); at.Year() == y; at = at.Add(3 * time.Hour) {
				utc := at.Unix()
				local := utc + int64(z.std)*60
				got := z.std * 60
				if inDST(z.dst, y, utc, local) {
					got += 3600
				}
				if _, want := at.In(loc).Zone(); got != want {
					bad++
					if z.name != "Asia/Jerusalem" {
						t.Errorf("%s at %s: offset %d s; tz database says %d s", z.name, at.Format(time.RFC3339), got, want)
					}
				}
			}
			if z.name == "Asia/Jerusalem" && bad > 20 {
				t.Errorf("%s in %d: %d mismatches; want at most 20", z.name, y, bad)
			}
		}
	}
}

func TestFormatOffset(t *testing.T) {
	for m, want := range map[int]string{0: "UTC+00:00", 60: "UTC+01:00", 330: "UTC+05:30", -300: "UTC-05:00", 570: "UTC+09:30"} {
		if got := formatOffset(m); got != want {
			t.Errorf("formatOffset(%d) = %q; want %q", m, got, want)
		}
	}
}

// TestRhythmHours checks Rhythm.Add against reading each login on every
// zone's clock with inDST, around daylight-saving changes and year ends and
// outside the precomputed years, and that merged rhythms equal the rhythm
// of all their logins.
func TestRhythmHours(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	var secs []int64
	for _, y := range []int{1985, 2021, 2022, 2023, 2024, 2105} {
		for _, m := range []time.Month{time.January, time.March, time.April, time.September, time.October, time.November, time.December} {
			base := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Unix()
			for range 400 {
				secs = append(secs, base+r.Int64N(31*86400))
			}
		}
	}
	var all, a, b Rhythm
	want := make([][24]int32, len(zoneGroups))
	for i, sec := range secs {
		all.Add(sec)
		if i%3 == 0 {
			a.Add(sec)
		} else {
			b.Add(sec)
		}
		y := time.Unix(sec, 0).UTC().Year()
		for g, z := range zoneGroups {
			local := sec + int64(z.std)*60
			if inDST(z.dst, y, sec, local) {
				local += 3600
			}
			want[g][(local%86400+86400)%86400/3600]++
		}
	}
	if all.Len() != len(secs) || !slices.Equal(all.hist, want) {
		t.Fatalf("Rhythm.Add hours differ from inDST's")
	}
	var merged Rhythm
	merged.Merge(&a)
	merged.Merge(&Rhythm{})
	merged.Merge(&b)
	if merged.Len() != all.Len() || !slices.Equal(merged.hist, all.hist) {
		t.Fatalf("merged rhythm differs from the rhythm of all logins")
	}
	if !slices.Equal(merged.Signals(), all.Signals()) {
		t.Fatalf("merged rhythm's signals differ")
	}
}
