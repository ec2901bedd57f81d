package placesql

import (
	"testing"
	"time"
)

// TestUnixSeconds checks that whole seconds round down as time.Time.Unix
// does for the times the driver would have returned, before 1970 too.
func TestUnixSeconds(t *testing.T) {
	for _, us := range []int64{0, 1, 999_999, 1_000_000, 1_667_000_123_456_789, -1, -999_999, -1_000_000, -1_000_001} {
		if got, want := unixSeconds(us), time.UnixMicro(us).UTC().Unix(); got != want {
			t.Errorf("unixSeconds(%d) = %d; want %d", us, got, want)
		}
	}
}
