package world

import (
	"testing"
	"time"
	_ "time/tzdata"
)

// TestZoneOffsets checks the zones' offsets against the IANA database every
// 15 minutes of 2020–2023.
func TestZoneOffsets(t *testing.T) {
	for _, f := range tzoneFacts {
		loc, err := time.LoadLocation(f.name)
		if err != nil {
			t.Fatal(err)
		}
		z := tzones[f.name]
		bad := 0
		for u := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Unix(); u < time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Unix(); u += 900 {
			_, want := time.Unix(u, 0).In(loc).Zone()
			if got := z.offset(u); got != int64(want) {
				if bad++; bad <= 3 {
					t.Errorf("%s at %v: offset %d; IANA says %d", f.name, time.Unix(u, 0).UTC(), got, want)
				}
			}
		}
	}
}

// TestClockAt checks that the rhythm keeps events in order and in the day.
func TestClockAt(t *testing.T) {
	k := clock{zone: tzones["Australia/Sydney"], c: loginCurve, shift: 1800}
	prev := int64(0)
	back := 0
	for u := Start.Unix(); u < End.Unix(); u += 397 {
		v := k.at(u)
		if v < prev {
			back++
		}
		if d := v - u; d < -2*86400 || d > 2*86400 {
			t.Fatalf("at(%d) = %d: moved %d s", u, v, d)
		}
		prev = v
	}
	if back > 8 {
		t.Errorf("at went backwards %d times; want only at daylight-saving changes", back)
	}
}
