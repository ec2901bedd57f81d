package detect

import (
	"strings"
	"testing"
	"time"
)

// TestParseSQLDateTime checks the fast path against time.Parse.
func TestParseSQLDateTime(t *testing.T) {
	for _, s := range []string{
		"2020-10-22 18:03:30", "2024-02-29 00:00:00", "2023-02-29 00:00:00", "2023-04-31 12:00:00",
		"2023-13-01 00:00:00", "2023-00-10 00:00:00", "2023-01-00 00:00:00", "2023-01-01 24:00:00",
		"2023-01-01 23:60:00", "2023-01-01 23:59:60", "2023-01-01 23:59:59", "0001-01-01 00:00:00",
		"9999-12-31 23:59:59", "2023-01-01T23:59:59", "2023-01-01 23:59:5x", "+023-01-01 23:59:59",
		"2023-1-01 23:59:590", "2023-01-01 -3:59:59",
	} {
		want, werr := time.Parse("2006-01-02 15:04:05", s)
		got, ok := ParseSQLDateTime(s)
		if ok != (werr == nil) || ok && !got.Equal(want) {
			t.Errorf("ParseSQLDateTime(%q) = %v, %v; time.Parse: %v, %v", s, got, ok, want, werr)
		}
		if g, l, ok := ParseTime(s); ok != (werr == nil) && !strings.HasPrefix(s, "2023-01-01T") || ok && werr == nil && (!g.Equal(want) || l != "2006-01-02 15:04:05") {
			t.Errorf("ParseTime(%q) = %v, %q, %v", s, g, l, ok)
		}
	}
}
