package mapping

import (
	"errors"
	"strings"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/seized"
)

// TestZone reads times without an offset in the mapping's zone: a shop that
// wrote Moscow wall-clock DATETIMEs loads the true instants; text with an
// offset and epoch integers keep their instant.
func TestZone(t *testing.T) {
	for _, tc := range []struct {
		name, zone, created, paid string
		want, wantPaid            string // RFC 3339 UTC
	}{
		{name: "UTC by default", created: "2022-03-01 12:00:00", paid: "1646136000", want: "2022-03-01T12:00:00Z", wantPaid: "2022-03-01T12:00:00Z"},
		{name: "Moscow wall clock", zone: "Europe/Moscow", created: "2022-03-01 12:00:00", paid: "1646136000", want: "2022-03-01T09:00:00Z", wantPaid: "2022-03-01T12:00:00Z"},
		{name: "London summer time", zone: "Europe/London", created: "2022-07-01 12:00:00", paid: "1646136000", want: "2022-07-01T11:00:00Z", wantPaid: "2022-03-01T12:00:00Z"},
		{name: "an offset in the text wins", zone: "Europe/Moscow", created: "2022-03-01T12:00:00+01:00", paid: "1646136000", want: "2022-03-01T11:00:00Z", wantPaid: "2022-03-01T12:00:00Z"},
		{name: "ISO without offset", zone: "America/New_York", created: "2022-03-01T12:00:00", paid: "1646136000", want: "2022-03-01T17:00:00Z", wantPaid: "2022-03-01T12:00:00Z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := &Mapping{Version: Version, Zone: tc.zone, Tables: []Table{{Source: "bills", Target: "payments", Columns: map[string]Column{
				"account_key": {Column: "cust_id"},
				"address":     {Column: "addr"},
				"created_at":  {Column: "created_local", Unit: "datetime"},
				"paid_at":     {Column: "paid", Unit: "epoch_s"},
			}}}}
			if err := m.Validate(); err != nil {
				t.Fatal(err)
			}
			rm := m.Bind(&seized.Table{Name: "bills", Columns: []seized.Column{{Name: "cust_id"}, {Name: "addr"}, {Name: "created_local"}, {Name: "paid"}}})
			var out seized.Records
			row := []seized.Value{{Data: []byte("7")}, {Data: []byte("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")}, {Data: []byte(tc.created)}, {Data: []byte(tc.paid)}}
			if err := rm.Map(row, &out); err != nil {
				t.Fatal(err)
			}
			p := out.Payments[0]
			if got := p[8].(time.Time).Format(time.RFC3339); got != tc.want {
				t.Errorf("created_at = %s, want %s", got, tc.want)
			}
			if got := p[9].(time.Time).Format(time.RFC3339); got != tc.wantPaid {
				t.Errorf("paid_at = %s, want %s", got, tc.wantPaid)
			}
		})
	}
}

func TestZoneInvalid(t *testing.T) {
	for _, zone := range []string{"Mars/Olympus_Mons", "Local", "+03:00", strings.Repeat("x", 100)} {
		_, err := Read(strings.NewReader("version: 1\nzone: \"" + zone + "\"\ntables: []\n"))
		if err == nil || !errors.Is(err, coinsift.ErrInvalid) || !strings.Contains(err.Error(), "zone") {
			t.Errorf("zone %q: err = %v, want an invalid-zone error", zone, err)
		}
	}
}
