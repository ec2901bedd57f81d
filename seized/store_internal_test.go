package seized

import (
	"strconv"
	"testing"
	"time"
)

func TestCanonInt(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true},
		{"7", 7, true},
		{"-7", -7, true},
		{"1234567890", 1234567890, true},
		{"9223372036854775807", 9223372036854775807, true},
		{"-9223372036854775808", -9223372036854775808, true},
		{"9223372036854775808", 0, false},
		{"-9223372036854775809", 0, false},
		{"18446744073709551615", 0, false}, // bigint unsigned max
		{"99999999999999999999", 0, false},
		{"", 0, false},
		{"-", 0, false},
		{"-0", 0, false},
		{"00", 0, false},
		{"007", 0, false},
		{"+7", 0, false},
		{" 7", 0, false},
		{"7 ", 0, false},
		{"1e3", 0, false},
		{"1_000", 0, false},
		{"0x10", 0, false},
		{"١٢", 0, false}, // Arabic-Indic digits
	}
	for _, tt := range tests {
		got, ok := canonInt([]byte(tt.in))
		if ok != tt.ok || got != tt.want {
			t.Errorf("canonInt(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCanonDateTime(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"2022-11-24 09:00:00", true},
		{"1000-01-01 00:00:00", true},
		{"9999-12-31 23:59:59", true},
		{"1970-01-01 00:00:00", true},
		{"1969-12-31 23:59:59", true},
		{"2020-02-29 12:00:00", true},
		{"2000-02-29 12:00:00", true},
		{"1900-02-29 12:00:00", false},
		{"2021-02-29 12:00:00", false},
		{"2021-04-31 12:00:00", false},
		{"0000-00-00 00:00:00", false}, // MySQL's zero date
		{"0999-12-31 23:59:59", false},
		{"2021-00-10 12:00:00", false},
		{"2021-13-10 12:00:00", false},
		{"2021-01-00 12:00:00", false},
		{"2021-01-10 24:00:00", false},
		{"2021-01-10 12:60:00", false},
		{"2021-01-10 12:00:60", false}, // leap second: kept as text
		{"2021-01-10 12:00:00.5", false},
		{"2021-01-10T12:00:00", false},
		{"2021-1-10 12:00:00", false},
		{"2021-01-10 12:00", false},
		{" 2021-01-10 12:00:0", false},
		{"2021-01-10 12:00:0x", false},
		{"", false},
	}
	for _, tt := range tests {
		got, ok := canonDateTime([]byte(tt.in))
		if ok != tt.ok {
			t.Errorf("canonDateTime(%q) ok = %v; want %v", tt.in, ok, tt.ok)
			continue
		}
		if ok {
			want, err := time.Parse(time.DateTime, tt.in)
			if err != nil || got != want.UnixMicro() {
				t.Errorf("canonDateTime(%q) = %d; want %d (%v)", tt.in, got, want.UnixMicro(), err)
			}
		}
	}
}

func TestStorageOf(t *testing.T) {
	tests := []struct {
		col  Column
		want storage
	}{
		{Column{Type: "int(11)"}, storeBigint},
		{Column{Type: "bigint(20) unsigned"}, storeBigint},
		{Column{Type: "tinyint(1)"}, storeBigint},
		{Column{Type: "INT"}, storeBigint},
		{Column{Type: "mediumint(8) unsigned zerofill"}, storeText},
		{Column{Type: "datetime"}, storeTimestamp},
		{Column{Type: "timestamp"}, storeTimestamp},
		{Column{Type: "datetime(0)"}, storeTimestamp},
		{Column{Type: "datetime(6)"}, storeText},
		{Column{Type: "date"}, storeText},
		{Column{Type: "decimal(10,2)"}, storeText},
		{Column{Type: "varchar(45)"}, storeText},
		{Column{Type: "interval"}, storeText},
		{Column{Type: ""}, storeText},
		{Column{Type: "varbinary(16)", Binary: true}, storeBlob},
	}
	for _, tt := range tests {
		if got := storageOf(tt.col); got != tt.want {
			t.Errorf("storageOf(%q) = %v; want %v", tt.col.Type, got, tt.want)
		}
	}
}

// FuzzCanonValues holds the typed forms to their promise: a value is
// stored typed only if printing it gives back the same text (what the
// src_* view does, with DuckDB's casts; TestRawStoreRoundTrip checks
// those against DuckDB itself).
func FuzzCanonValues(f *testing.F) {
	for _, s := range []string{"0", "-0", "007", "9223372036854775807", "-9223372036854775808", "2022-11-24 09:00:00",
		"0000-00-00 00:00:00", "2021-02-29 00:00:00", "9999-12-31 23:59:59", "+1", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if v, ok := canonInt(b); ok {
			if s := strconv.FormatInt(v, 10); s != string(b) {
				t.Errorf("canonInt(%q) = %d, printed %q", b, v, s)
			}
		} else if v, err := strconv.ParseInt(string(b), 10, 64); err == nil && strconv.FormatInt(v, 10) == string(b) {
			t.Errorf("canonInt(%q) refused a canonical integer", b)
		}
		if us, ok := canonDateTime(b); ok {
			if s := time.UnixMicro(us).UTC().Format(time.DateTime); s != string(b) {
				t.Errorf("canonDateTime(%q) = %d, printed %q", b, us, s)
			}
		} else if tm, err := time.Parse(time.DateTime, string(b)); err == nil && tm.Year() >= 1000 && tm.Format(time.DateTime) == string(b) {
			t.Errorf("canonDateTime(%q) refused a canonical datetime", b)
		}
	})
}
