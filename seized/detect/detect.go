package detect

import (
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/btcsuite/btcd/btcutil/base58"
	"github.com/btcsuite/btcd/btcutil/bech32"
	"github.com/nyaruka/phonenumbers"
)

// Kind is something a value can be.
type Kind string

// The kinds a detector recognises.
const (
	BTCAddress Kind = "btc_address" // validated mainnet address
	BTCTestnet Kind = "btc_testnet" // validated testnet/regtest address
	TxID       Kind = "txid"        // 64 hex digits
	Email      Kind = "email"
	Phone      Kind = "phone" // parses as a valid number (E.164 given the default region)
	IPv4       Kind = "ipv4"
	IPv6       Kind = "ipv6"
	Timestamp  Kind = "timestamp" // a date or date-time in a common text format
	EpochS     Kind = "epoch_s"   // integer seconds since 1970 in 2009..2040
	EpochMS    Kind = "epoch_ms"
	EpochUS    Kind = "epoch_us"
	Integer    Kind = "integer"
	Decimal    Kind = "decimal"  // a number with a fractional part
	BTCAmount  Kind = "btc"      // decimal with 1..8 places, < 21e6
	Currency   Kind = "currency" // ISO 4217 code
	Country    Kind = "country"  // ISO 3166-1 alpha-2 code
	Boolean    Kind = "boolean"
)

// Kinds lists every kind in report order.
var Kinds = []Kind{BTCAddress, BTCTestnet, TxID, Email, Phone, IPv4, IPv6, Timestamp, EpochS, EpochMS, EpochUS, Integer, Decimal, BTCAmount, Currency, Country, Boolean}

// Network of a Bitcoin address.
type Network string

// Networks.
const (
	Mainnet Network = "mainnet"
	Testnet Network = "testnet" // testnet, signet
	Regtest Network = "regtest"
)

// BitcoinAddress validates s as a Bitcoin address: base58check with version
// byte 0x00/0x05 (mainnet) or 0x6f/0xc4 (testnet) and a 20-byte hash, or
// segwit bech32 (witness v0, 20- or 32-byte program) / bech32m (v1..v16,
// 2..40 bytes) with hrp bc, tb or bcrt.
func BitcoinAddress(s string) (Network, bool) {
	if len(s) < 26 || len(s) > 90 {
		return "", false
	}
	lower := strings.ToLower(s)
	for _, h := range []struct {
		hrp string
		net Network
	}{{"bc1", Mainnet}, {"tb1", Testnet}, {"bcrt1", Regtest}} {
		if strings.HasPrefix(lower, h.hrp) {
			if s != lower && s != strings.ToUpper(s) {
				return "", false // mixed case
			}
			hrp, data, ver, err := bech32.DecodeGeneric(lower)
			if err != nil || hrp+"1" != h.hrp || len(data) < 1 {
				return "", false
			}
			wv := data[0]
			prog, err := bech32.ConvertBits(data[1:], 5, 8, false)
			if err != nil || wv > 16 || len(prog) < 2 || len(prog) > 40 {
				return "", false
			}
			if wv == 0 {
				if ver != bech32.Version0 || (len(prog) != 20 && len(prog) != 32) {
					return "", false
				}
			} else if ver != bech32.VersionM {
				return "", false
			}
			return h.net, true
		}
	}
	if len(s) > 35 {
		return "", false
	}
	payload, v, err := base58.CheckDecode(s)
	if err != nil || len(payload) != 20 {
		return "", false
	}
	switch v {
	case 0x00, 0x05:
		return Mainnet, true
	case 0x6f, 0xc4:
		return Testnet, true
	}
	return "", false
}

// IsTxID reports 64 hex digits.
func IsTxID(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
			return false
		}
	}
	return true
}

// IsEmail is a conservative syntactic check: local@domain.tld, no spaces.
func IsEmail(s string) bool {
	if len(s) < 6 || len(s) > 254 {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	if at < 1 || at > 64 || strings.IndexByte(s, '@') != at {
		return false
	}
	domain := s[at+1:]
	dot := strings.LastIndexByte(domain, '.')
	if dot < 1 || dot > len(domain)-3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == '"' || c == ',' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')' || c == '\\' {
			return false
		}
	}
	return !strings.Contains(domain, "..")
}

// phoneDigits counts the digits of s when it is written like a telephone
// number (digits, '+', spaces, dashes, dots and parentheses) with 7 to 15
// digits, the lengths E.164 allows.
func phoneDigits(s string) (n int, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			n++
		case c == '+' || c == ' ' || c == '-' || c == '(' || c == ')' || c == '.':
		default:
			return 0, false
		}
	}
	return n, n >= 7 && n <= 15
}

// PhoneNumber parses s as a telephone number, with region (ISO 3166 alpha-2, e.g.
// "GB") for numbers without a country code, and returns its E.164 form and
// the region it belongs to.
func PhoneNumber(s, region string) (e164, country string, ok bool) {
	if _, ok := phoneDigits(s); !ok {
		return "", "", false
	}
	num, err := phonenumbers.Parse(s, region)
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return "", "", false
	}
	return phonenumbers.Format(num, phonenumbers.E164), phonenumbers.GetRegionCodeForNumber(num), true
}

// NormalizePhone returns s in E.164 form if it is a possible phone number
// (right length for its country, not necessarily an allocated range):
// parsed with the default region, or, for digits without '+' that are too
// long for the region, as an international number ("447700900123" →
// "+447700900123", as call records often store numbers). It is for
// normalizing columns known to hold phone numbers; PhoneNumber is the
// stricter test used for detection. A value already in E.164 form ('+' and
// 8 to 15 digits) is returned as it is.
func NormalizePhone(s, region string) (string, bool) {
	if IsE164(s) {
		return s, true // already E.164: keep it (and skip the costly parse)
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			n++
		case c == '+' || c == ' ' || c == '-' || c == '(' || c == ')' || c == '.':
		default:
			return "", false
		}
	}
	if n < 7 || n > 15 {
		return "", false
	}
	if num, err := phonenumbers.Parse(s, region); err == nil && phonenumbers.IsPossibleNumber(num) {
		return phonenumbers.Format(num, phonenumbers.E164), true
	}
	if t := strings.TrimSpace(s); len(t) > 0 && t[0] >= '1' && t[0] <= '9' && n >= 10 {
		if num, err := phonenumbers.Parse("+"+t, ""); err == nil && phonenumbers.IsPossibleNumber(num) {
			return phonenumbers.Format(num, phonenumbers.E164), true
		}
	}
	return "", false
}

// IsE164 reports whether s is in E.164 form: '+', a non-zero digit and 7 to 14 more
// digits.
func IsE164(s string) bool {
	if len(s) < 9 || len(s) > 16 || s[0] != '+' || s[1] < '1' || s[1] > '9' {
		return false
	}
	for i := 2; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// IP returns IPv4 or IPv6 if s is an IP address.
func IP(s string) (Kind, bool) {
	if len(s) < 7 || len(s) > 45 {
		return "", false
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return "", false
	}
	if a.Is4() {
		return IPv4, true
	}
	return IPv6, true
}

// timeLayouts are the text formats tried, most common first.
var timeLayouts = []string{
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05.999999999",
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"02/01/2006 15:04:05",
	"02/01/2006 15:04",
	"02/01/2006",
	"01/02/2006 15:04:05",
	"02.01.2006 15:04:05",
	"02.01.2006",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC822Z,
	time.ANSIC,
	"02/Jan/2006:15:04:05 -0700", // web server logs
	"Jan _2 15:04:05",            // syslog
}

// ParseTime parses s in one of the common layouts. Times without a zone are
// taken as UTC. The zero dates MySQL writes (0000-00-00) do not parse.
func ParseTime(s string) (time.Time, string, bool) {
	if len(s) < 8 || len(s) > 40 || s[0] == '0' && strings.HasPrefix(s, "0000-00-00") {
		return time.Time{}, "", false
	}
	c := s[0]
	if !(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') {
		return time.Time{}, "", false
	}
	if t, ok := ParseSQLDateTime(s); ok {
		return t, timeLayouts[0], true
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), l, true
		}
	}
	return time.Time{}, "", false
}

// ParseSQLDateTime parses "2006-01-02 15:04:05" exactly, as UTC: the
// layout of nearly every time in a SQL dump, several times faster than
// time.Parse (which accepts the same strings: a day must exist in its
// month).
func ParseSQLDateTime(s string) (time.Time, bool) {
	if len(s) != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, mo, d, h, mi, se := num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, se, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // 31 April, 29 February of a common year
	}
	return t, true
}

// Epoch bounds: 2009-01-03 (the genesis block) to 2040-01-01.
const (
	epochMin = 1230940800
	epochMax = 2208988800
)

// Epoch reports the unit of an integer epoch time in the plausible range.
func Epoch(v int64) (Kind, bool) {
	switch {
	case v >= epochMin && v < epochMax:
		return EpochS, true
	case v >= epochMin*1e3 && v < epochMax*1e3:
		return EpochMS, true
	case v >= epochMin*1e6 && v < epochMax*1e6:
		return EpochUS, true
	}
	return "", false
}

// EpochTime converts v in unit k to a UTC time.
func EpochTime(v int64, k Kind) time.Time {
	switch k {
	case EpochMS:
		return time.UnixMilli(v).UTC()
	case EpochUS:
		return time.UnixMicro(v).UTC()
	}
	return time.Unix(v, 0).UTC()
}

// Number classifies a decimal number: Integer, or Decimal with its number of
// fractional digits.
func Number(s string) (k Kind, places int, ok bool) {
	if len(s) == 0 || len(s) > 40 {
		return "", 0, false
	}
	i := 0
	if s[0] == '-' || s[0] == '+' {
		i = 1
	}
	digits, dot := 0, -1
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && dot < 0:
			dot = i
		default:
			return "", 0, false
		}
	}
	if digits == 0 {
		return "", 0, false
	}
	if dot < 0 {
		return Integer, 0, true
	}
	return Decimal, len(s) - dot - 1, true
}

// Classify returns every kind s matches. region is the default phone region.
func Classify(s, region string) []Kind {
	var ks []Kind
	return AppendKinds(ks, s, region)
}

// AppendKinds appends the kinds s matches to ks.
func AppendKinds(ks []Kind, s, region string) []Kind {
	s = strings.TrimSpace(s)
	if s == "" {
		return ks
	}
	if net, ok := BitcoinAddress(s); ok {
		if net == Mainnet {
			return append(ks, BTCAddress)
		}
		return append(ks, BTCTestnet)
	}
	if IsTxID(s) {
		return append(ks, TxID)
	}
	if IsEmail(s) {
		return append(ks, Email)
	}
	if k, ok := IP(s); ok {
		return append(ks, k)
	}
	if k, places, ok := Number(s); ok {
		ks = append(ks, k)
		if k == Integer {
			if v, err := strconv.ParseInt(s, 10, 64); err == nil {
				if ek, ok := Epoch(v); ok {
					ks = append(ks, ek)
				}
				if v == 0 || v == 1 {
					ks = append(ks, Boolean)
				}
			}
		} else if places >= 1 && places <= 8 {
			if f, err := strconv.ParseFloat(s, 64); err == nil && f > -21e6 && f < 21e6 {
				ks = append(ks, BTCAmount)
			}
		}
		epoch := len(ks) > 1 && (ks[1] == EpochS || ks[1] == EpochMS || ks[1] == EpochUS)
		if _, _, ok := PhoneNumber(s, region); ok && (s[0] == '+' || s[0] == '0' || (len(s) >= 11 && !epoch)) {
			ks = append(ks, Phone)
		}
		return ks
	}
	if _, _, ok := ParseTime(s); ok {
		return append(ks, Timestamp)
	}
	if _, _, ok := PhoneNumber(s, region); ok {
		return append(ks, Phone)
	}
	if len(s) == 3 && IsCurrency(s) {
		ks = append(ks, Currency)
	}
	if len(s) == 2 && IsCountry(s) {
		ks = append(ks, Country)
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "y", "n":
		ks = append(ks, Boolean)
	}
	return ks
}

// IsCurrency reports an ISO 4217 code (upper or lower case).
func IsCurrency(s string) bool {
	return len(s) == 3 && strings.Contains(currencies, " "+strings.ToUpper(s)+" ")
}

// IsCountry reports an ISO 3166-1 alpha-2 code (upper or lower case),
// including UK as used for GB.
func IsCountry(s string) bool {
	return len(s) == 2 && strings.Contains(countries, " "+strings.ToUpper(s)+" ")
}

const currencies = " AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL BTC XBT "

const countries = " AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW UK "

// PhoneForRegion returns the E.164 form of phone number s read in region
// (ISO 3166 alpha-2). A number that names its country — '+' or the
// region's international prefix (00, 011 …) and a country code, or a
// country code without '+' where the number is no valid national one — is
// returned when it is a possible number (as [NormalizePhone]); a number in
// national format only when it is a valid number of region
// (libphonenumber's IsValidNumberForRegion) and, unless own is set (the
// region is the account's own: its country, its e-mail's domain), is
// written with the region's trunk prefix where numbers are dialled with one
// outside the +1 plan ("07400 123456" in GB, but not "(281) 323-4557",
// which is also a GB number without its 0 and is a Texan one). national is
// set when s is a plausible number in national format that was not
// returned: the region is unknown ("") or the number is not surely one of
// the region's.
func PhoneForRegion(s, region string, own bool) (e164 string, national, ok bool) {
	if IsE164(s) {
		return s, false, true
	}
	n, ok := phoneDigits(s)
	if !ok {
		return "", false, false
	}
	t := strings.TrimSpace(s)
	if region == "" || phonenumbers.GetCountryCodeForRegion(region) == 0 {
		if strings.HasPrefix(t, "+") {
			if num, err := phonenumbers.Parse(t, ""); err == nil && phonenumbers.IsPossibleNumber(num) {
				return phonenumbers.Format(num, phonenumbers.E164), false, true
			}
			return "", false, false
		}
		if t[0] >= '1' && t[0] <= '9' && n >= 11 {
			if num, err := phonenumbers.Parse("+"+t, ""); err == nil && phonenumbers.IsValidNumber(num) {
				return phonenumbers.Format(num, phonenumbers.E164), false, true
			}
		}
		return "", true, false
	}
	num, err := phonenumbers.ParseAndKeepRawInput(t, region)
	if err != nil {
		return "", false, false
	}
	if num.GetCountryCodeSource() != phonenumbers.PhoneNumber_FROM_DEFAULT_COUNTRY {
		if phonenumbers.IsPossibleNumber(num) {
			return phonenumbers.Format(num, phonenumbers.E164), false, true
		}
		return "", false, false
	}
	if phonenumbers.IsValidNumberForRegion(num, region) && (own || hasTrunkPrefix(t, region)) {
		return phonenumbers.Format(num, phonenumbers.E164), false, true
	}
	// Digits without '+' that are no number of the region, but a valid
	// international one ("33612345678" in GB), as call records store them.
	if t[0] >= '1' && t[0] <= '9' && n >= 11 {
		if num, err := phonenumbers.Parse("+"+t, ""); err == nil && phonenumbers.IsValidNumber(num) {
			return phonenumbers.Format(num, phonenumbers.E164), false, true
		}
	}
	return "", true, false
}

// hasTrunkPrefix reports whether national number s starts with region's
// trunk prefix (0 in GB, NL, FR …), or the region has none or dials
// without it (the +1 plan, where it is optional).
func hasTrunkPrefix(s, region string) bool {
	ndd := phonenumbers.GetNddPrefixForRegion(region, true)
	if ndd == "" || phonenumbers.GetCountryCodeForRegion(region) == 1 {
		return true
	}
	var d strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			d.WriteByte(s[i])
		}
	}
	return strings.HasPrefix(d.String(), ndd)
}

// IsPhoneRegion reports whether r is a region code libphonenumber knows
// ("GB", "NL", "CA" …; upper case).
func IsPhoneRegion(r string) bool {
	return len(r) == 2 && phonenumbers.GetCountryCodeForRegion(r) != 0
}

// genericTLDs are country-code domains used world-wide, which say nothing
// of where their owner lives.
var genericTLDs = map[string]bool{"io": true, "co": true, "me": true, "tv": true, "ai": true, "cc": true, "ws": true,
	"to": true, "fm": true, "ly": true, "gg": true, "sh": true, "ac": true, "su": true, "eu": true, "la": true,
	"st": true, "am": true, "nu": true, "tk": true, "ml": true, "ga": true, "cf": true, "gq": true, "pw": true, "is": true, "so": true, "im": true, "vc": true, "xyz": true}

// EmailRegion returns the region of an e-mail address's country-code
// top-level domain (name@x.nl → NL, name@x.co.uk → GB), "" for generic
// domains (.com, .io …) or anything that is no e-mail address.
func EmailRegion(email string) string {
	at := strings.LastIndexByte(email, '@')
	if at < 0 {
		return ""
	}
	d := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(email[at+1:])), ".")
	dot := strings.LastIndexByte(d, '.')
	if dot < 1 {
		return ""
	}
	tld := d[dot+1:]
	if len(tld) != 2 || genericTLDs[tld] {
		return ""
	}
	if tld == "uk" {
		return "GB"
	}
	r := strings.ToUpper(tld)
	if !IsPhoneRegion(r) {
		return ""
	}
	return r
}
