package mapping

import (
	"fmt"
	"testing"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/detect"
)

// accountsBinding binds an accounts table whose columns are named after
// the given fields.
func accountsBinding(t *testing.T, region string, fields ...string) seized.RowMapper {
	t.Helper()
	cols := map[string]Column{"account_key": {Column: "id"}}
	tbl := &seized.Table{Name: "users", Columns: []seized.Column{{Name: "id"}}}
	for _, f := range fields {
		cols[f] = Column{Column: "c_" + f}
		tbl.Columns = append(tbl.Columns, seized.Column{Name: "c_" + f})
	}
	m := &Mapping{Version: Version, Region: region, Tables: []Table{{Source: "users", Target: "accounts", Columns: cols}}}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	return m.Bind(tbl)
}

func row(vals ...string) []seized.Value {
	r := []seized.Value{{Data: []byte("1")}}
	for _, v := range vals {
		r = append(r, seized.Value{Data: []byte(v), Null: v == ""})
	}
	return r
}

// idents returns the identifiers of out as "kind value → normalized".
func idents(out *seized.Records) map[string]string {
	m := map[string]string{}
	for _, r := range out.Identifiers {
		m[r[1].(string)+" "+r[2].(string)] = fmt.Sprint(r[3])
	}
	return m
}

// TestPhoneRegion: a national number takes its region from the row's own
// country column or e-mail domain, else the mapping's region only when it
// is valid there; otherwise it stays raw and is counted.
func TestPhoneRegion(t *testing.T) {
	for _, tc := range []struct {
		name, region, country, email, phone string
		want                                string // "<nil>": left raw
		raw                                 int64
	}{
		{name: "NL mobile with .nl e-mail", region: "GB", email: "jan@provider.nl", phone: "06 12345678", want: "+31612345678"},
		{name: "CA number with country CA", region: "GB", country: "CA", phone: "(416) 555-0123", want: "+14165550123"},
		{name: "GB mobile, mapping region", region: "GB", phone: "07400 123456", want: "+447400123456"},
		{name: "GB mobile, .co.uk e-mail", region: "US", email: "a@b.co.uk", phone: "07400 123456", want: "+447400123456"},
		{name: "country beats e-mail", region: "GB", country: "ca", email: "x@y.nl", phone: "(416) 555-0123", want: "+14165550123"},
		{name: "NL national under GB: left raw", region: "GB", phone: "06 12345678", want: "<nil>", raw: 1},
		{name: "CA national under GB: left raw", region: "GB", phone: "(416) 555-0123", want: "<nil>", raw: 1},
		{name: "generic .com does not give a region", region: "GB", email: "x@gmail.com", phone: "06 12345678", want: "<nil>", raw: 1},
		{name: "GB number, country NL: left raw", region: "GB", country: "NL", phone: "07400 123456", want: "<nil>", raw: 1},
		{name: "no region at all", phone: "07400 123456", want: "<nil>", raw: 1},
		{name: "international kept", region: "GB", country: "NL", phone: "+44 7400 123456", want: "+447400123456"},
		{name: "IDD prefix", region: "GB", phone: "0031 6 12345678", want: "+31612345678"},
		{name: "E.164 as written", phone: "+31612345678", want: "+31612345678"},
		{name: "digits with country code", region: "GB", phone: "33612345678", want: "+33612345678"},
		{name: "US number without GB's trunk 0: left raw", region: "GB", phone: "(281) 323-4557", want: "<nil>", raw: 1},
		{name: "US number with country US", region: "GB", country: "US", phone: "(281) 323-4557", want: "+12813234557"},
		{name: "GB number without its 0, country GB", region: "US", country: "GB", phone: "7400 123456", want: "+447400123456"},
		{name: "US number, mapping region US", region: "US", phone: "(281) 323-4557", want: "+12813234557"},
		{name: "junk is not counted", region: "GB", phone: "n/a", want: "<nil>"},
		{name: "too short is not counted", region: "GB", phone: "07", want: "<nil>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rm := accountsBinding(t, tc.region, "country", "email", "phone")
			var out seized.Records
			if err := rm.Map(row(tc.country, tc.email, tc.phone), &out); err != nil {
				t.Fatal(err)
			}
			if got := idents(&out)["phone "+tc.phone]; got != tc.want {
				t.Errorf("normalized = %s, want %s", got, tc.want)
			}
			if got := rm.(seized.Counter).Counts()[PhonesLeftRaw]; got != tc.raw {
				t.Errorf("left raw = %d, want %d", got, tc.raw)
			}
		})
	}
}

// TestTypedIdentifiers: accounts fields and identifiers kinds beyond
// email/phone/ip, each normalized in its own way.
func TestTypedIdentifiers(t *testing.T) {
	rm := accountsBinding(t, "GB", "telegram", "jabber", "icq", "discord", "wallet", "session")
	var out seized.Records
	if err := rm.Map(row("https://t.me/Some_Name", "Alice@Jabber.ru/phone", "123-456-789", " Bob#1234 ", "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", "05abc"), &out); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"telegram https://t.me/Some_Name":                        "some_name",
		"jabber Alice@Jabber.ru/phone":                           "alice@jabber.ru",
		"icq 123-456-789":                                        "123456789",
		"discord  Bob#1234 ":                                     "bob#1234",
		"btc_address BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ": "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
		"session 05abc":                                          "05abc",
	}
	got := idents(&out)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s → %s, want %s (all: %v)", k, got[k], v, got)
		}
	}

	m := &Mapping{Version: Version, Region: "GB", Tables: []Table{{Source: "contacts", Target: "identifiers", Columns: map[string]Column{
		"account_key": {Column: "uid"}, "kind": {Column: "type"}, "value": {Column: "val"},
	}}}}
	ib := m.Bind(&seized.Table{Name: "contacts", Columns: []seized.Column{{Name: "uid"}, {Name: "type"}, {Name: "val"}}})
	for _, tc := range []struct{ kind, value, wantKind, wantNorm string }{
		{"Telegram", "@Some_Name", "telegram", "some_name"},
		{"TG", "@Some_Name", "telegram", "some_name"},
		{"xmpp", "bob@xmpp.jp/home", "jabber", "bob@xmpp.jp"},
		{"jabber", "no-server", "jabber", "<nil>"},
		{"wallet", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "btc_address", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"},
		{"wallet", "not an address", "btc_address", "<nil>"},
		{"wickr", " Someone ", "wickr", "someone"},
		{"E-Mail", "A@B.NL", "email", "a@b.nl"},
		{"phone", "06 12345678", "phone", "<nil>"},
		{"", "@handle_five", "telegram", "handle_five"},
		{"", "10.1.2.3", "ip", "10.1.2.3"},
		{"Tox", "  ", "tox", "<nil>"},
	} {
		var out seized.Records
		r := []seized.Value{{Data: []byte("7")}, {Data: []byte(tc.kind), Null: tc.kind == ""}, {Data: []byte(tc.value)}}
		if err := ib.Map(r, &out); err != nil {
			t.Fatal(err)
		}
		if len(out.Identifiers) != 1 {
			t.Fatalf("%q %q: %v", tc.kind, tc.value, out.Identifiers)
		}
		id := out.Identifiers[0]
		if id[1] != tc.wantKind || fmt.Sprint(id[3]) != tc.wantNorm {
			t.Errorf("%q %q → %v %v, want %s %s", tc.kind, tc.value, id[1], id[3], tc.wantKind, tc.wantNorm)
		}
	}
}

// TestMessengerFields: every messenger kind persons weighs is an accounts
// field, written under its own kind.
func TestMessengerFields(t *testing.T) {
	for _, k := range detect.Messengers {
		id, ok := fieldID(k)
		if !ok || !contains(Fields["accounts"], k) {
			t.Errorf("messenger %s is no accounts field", k)
			continue
		}
		found := false
		for _, f := range accountIdentifiers {
			found = found || f == id
		}
		if !found {
			t.Errorf("accounts field %s is not written as an identifier", k)
		}
	}
}
