package coinsift_test

import (
	"errors"
	"testing"

	coinsift "github.com/coinsift/coinsift"
)

func TestSats(t *testing.T) {
	tests := []struct {
		in   string
		want coinsift.Sats
		err  bool
	}{
		{"0.0015", 150000, false},
		{"12", 1200000000, false},
		{"-1.5", -150000000, false},
		{"0.00000001", 1, false},
		{"0.000000010", 1, false},
		{"0.000000011", 0, true},
		{"1e3", 0, true},
		{"", 0, true},
		{"92233720368.54775808", 0, true},
	}
	for _, tt := range tests {
		got, err := coinsift.ParseBTC(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseBTC(%q) = %d, %v; want %d, err %v", tt.in, got, err, tt.want, tt.err)
		}
		if err != nil && !errors.Is(err, coinsift.ErrInvalid) {
			t.Errorf("ParseBTC(%q) error %v is not ErrInvalid", tt.in, err)
		}
	}
	if s := coinsift.Sats(-150000001).String(); s != "-1.50000001" {
		t.Errorf("String = %q", s)
	}
}

func TestTxID(t *testing.T) {
	const s = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16"
	id, err := coinsift.ParseTxID(s)
	if err != nil {
		t.Fatal(err)
	}
	if id[0] != 0x16 || id.String() != s {
		t.Errorf("ParseTxID round trip: %x / %s", id[:2], id)
	}
	for _, bad := range []string{"", "zz", s[:63], s + "0", "g" + s[1:]} {
		if _, err := coinsift.ParseTxID(bad); !errors.Is(err, coinsift.ErrInvalid) {
			t.Errorf("ParseTxID(%q) = %v; want ErrInvalid", bad, err)
		}
	}
}

func TestMoneyAndScriptType(t *testing.T) {
	m, err := coinsift.ParseMoney("240.5", "GBP")
	if err != nil || m.Minor != 24050 || m.String() != "GBP 240.50" {
		t.Errorf("ParseMoney = %+v %v", m, err)
	}
	for st := coinsift.ScriptNonStandard; st <= coinsift.ScriptWitnessUnknown; st++ {
		got, err := coinsift.ParseScriptType(st.String())
		if err != nil || got != st {
			t.Errorf("ParseScriptType(%s) = %v, %v", st, got, err)
		}
	}
}

func TestErrorKinds(t *testing.T) {
	ie := &coinsift.InputError{Op: "parse insert", Source: "dump.sql", Offset: 42, Row: 7, Err: errors.New("unterminated string")}
	if got := ie.Error(); got != "parse insert dump.sql: offset 42: row 7: unterminated string" {
		t.Errorf("InputError = %q", got)
	}
	if !errors.Is(ie, coinsift.ErrInvalid) {
		t.Error("InputError is not ErrInvalid")
	}
	if !errors.Is(&coinsift.QuarantineError{Op: "load", Count: 2}, coinsift.ErrQuarantined) {
		t.Error("QuarantineError is not ErrQuarantined")
	}
}

func TestPersonIDs(t *testing.T) {
	for _, tt := range []struct{ id, printed string }{
		{"344", "P-344"}, {"1", "P-1"}, {"account:344", "account:344"}, {"0", "0"}, {"", ""},
	} {
		if got := coinsift.FormatPerson(tt.id); got != tt.printed {
			t.Errorf("FormatPerson(%q) = %q; want %q", tt.id, got, tt.printed)
		}
	}
	for _, tt := range []struct {
		in, id string
		ok     bool
	}{
		{"P-344", "344", true}, {"p-344", "344", true}, {"344", "", false}, {"P-", "", false},
		{"P-0", "", false}, {"P-034", "", false}, {"P-+3", "", false}, {"P-3x", "", false}, {"account:3", "", false},
	} {
		if id, ok := coinsift.ParsePerson(tt.in); id != tt.id || ok != tt.ok {
			t.Errorf("ParsePerson(%q) = %q, %v; want %q, %v", tt.in, id, ok, tt.id, tt.ok)
		}
	}
}
