package place

import (
	"strings"

	coinsift "github.com/coinsift/coinsift"
)

// Kind names where a signal came from. The values are stable strings: they
// are stored with placements and shown to investigators.
type Kind string

// The kinds of signal, strongest first as DefaultWeights ranks them.
const (
	KindPhone    Kind = "phone"     // the account's own phone number
	KindIP       Kind = "ip"        // the address of a login
	KindSignupIP Kind = "signup-ip" // the address the account was created from
	KindEmail    Kind = "email"     // the e-mail domain's ccTLD or national provider
	KindExchange Kind = "exchange"  // the jurisdiction of the exchange that funded the payer
	KindTimezone Kind = "timezone"  // the UTC offset of the person's day, from login times
)

// kinds lists every Kind in its sort rank.
var kinds = [...]Kind{KindPhone, KindIP, KindSignupIP, KindEmail, KindExchange, KindTimezone}

// rank orders kinds for deterministic output; unknown kinds sort last.
func (k Kind) rank() int {
	for i, x := range kinds {
		if x == k {
			return i
		}
	}
	return len(kinds)
}

// Signal is one piece of evidence that a person is in a country.
//
// Extractors fill Kind, Country, Weight, Value and Detail; the caller fills
// the provenance (Table, Row) of the seized row the value came from.
//
// Weight is the signal's strength within its kind, in (0, 1]: 1 for a
// mobile number or a public IP, less for a VoIP number or one of several
// time-zone candidates. Combine multiplies it by the kind's weight from
// Weights; in a Placement's Evidence, Weight is that effective weight.
type Signal struct {
	Kind    Kind
	Country coinsift.Country
	Weight  float64
	Value   string // the evidence value: E.164 number, IP address, e-mail domain, exchange, UTC offset
	Detail  string // how it was read, e.g. "+44 mobile", "iploc 2026-09-15", "ccTLD .nl"
	Table   string // seized table the value came from; set by the caller
	Row     int64  // 1-based row in Table; set by the caller, 0 if unknown
}

// iso3166 holds every officially assigned ISO 3166-1 alpha-2 code.
const iso3166 = "" +
	"AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ " +
	"BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM " +
	"DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS " +
	"GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN " +
	"KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ " +
	"MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM " +
	"PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV " +
	"SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI " +
	"VN VU WF WS YE YT ZA ZM ZW"

// assigned holds iso3166 by index 26·(first letter) + second letter, ""
// where no code is assigned.
var assigned = func() (a [26 * 26]coinsift.Country) {
	for _, c := range strings.Fields(iso3166) {
		a[int(c[0]-'A')*26+int(c[1]-'A')] = coinsift.Country(c)
	}
	return a
}()

// ParseCountry normalises s to an assigned ISO 3166-1 alpha-2 code (upper
// case), reporting false for anything else: "", "ZZ" (unknown), "EU", "UK",
// regional codes such as "001", and malformed input.
func ParseCountry(s string) (coinsift.Country, bool) {
	if len(s) != 2 {
		return "", false
	}
	var i int
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			return "", false
		}
		i = i*26 + int(c-'A')
	}
	c := assigned[i]
	return c, c != ""
}
