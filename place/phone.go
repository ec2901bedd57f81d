package place

import (
	"fmt"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// maxPhoneLen bounds the input handed to libphonenumber.
const maxPhoneLen = 64

// phoneTypes names libphonenumber's number types and gives the strength of
// each: a mobile or fixed line is issued to residents; VoIP, personal
// ("follow me") and non-geographic numbers can be bought from anywhere.
var phoneTypes = map[phonenumbers.PhoneNumberType]struct {
	name     string
	strength float64
}{
	phonenumbers.MOBILE:               {"mobile", 1},
	phonenumbers.FIXED_LINE:           {"fixed line", 1},
	phonenumbers.FIXED_LINE_OR_MOBILE: {"fixed line or mobile", 1},
	phonenumbers.VOIP:                 {"voip", 0.3},
	phonenumbers.PERSONAL_NUMBER:      {"personal number", 0.3},
	phonenumbers.PAGER:                {"pager", 0.5},
	phonenumbers.UAN:                  {"uan", 0.3},
	phonenumbers.VOICEMAIL:            {"voicemail", 0.5},
	phonenumbers.TOLL_FREE:            {"toll free", 0.3},
	phonenumbers.PREMIUM_RATE:         {"premium rate", 0.3},
	phonenumbers.SHARED_COST:          {"shared cost", 0.3},
	phonenumbers.UNKNOWN:              {"unknown type", 0.5},
}

// Phone reads the country of an account's phone number. Numbers without a
// leading + or 00 are read in defaultRegion (an ISO 3166-1 code such as
// "GB"; "" accepts only international numbers), except numbers written in
// the North American layout — "(NXX) NXX-XXXX", "NXX-NXX-XXXX" or
// "NXX.NXX.XXXX", ten digits, the first 2–9 — which are read as +1 (the
// region then follows the area code: CA, US, JM …). The signal's Country is the
// region libphonenumber assigns to the number (a +44 7911 number is GG,
// Guernsey, not GB), Value is the number in E.164 and Detail its calling
// code and type, e.g. "+44 mobile".
//
// Invalid numbers (unallocated ranges, Ofcom's drama range 07700 900xxx,
// wrong lengths, garbage) and non-geographic numbers (+800, +882) give no
// signal. Use the account's registered number only: iSpoof-style services
// spoof caller ID, so called and displayed numbers say nothing about the
// user.
func Phone(number, defaultRegion string) (Signal, bool) {
	if len(number) == 0 || len(number) > maxPhoneLen {
		return Signal{}, false
	}
	if defaultRegion != "" {
		r, ok := ParseCountry(defaultRegion)
		if !ok {
			return Signal{}, false
		}
		defaultRegion = string(r)
	}
	layout := ""
	if defaultRegion != "" && !nanp[defaultRegion] && northAmerican(number) {
		// "(416) 555-0123" is a North American number whatever the case's
		// region: read in GB it is a valid London number (020 …).
		defaultRegion, layout = "US", " (North American layout)"
	}
	num, err := phonenumbers.Parse(number, defaultRegion)
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return Signal{}, false
	}
	c, ok := ParseCountry(phonenumbers.GetRegionCodeForNumber(num))
	if !ok {
		return Signal{}, false
	}
	t, ok := phoneTypes[phonenumbers.GetNumberType(num)]
	if !ok {
		t = phoneTypes[phonenumbers.UNKNOWN]
	}
	return Signal{
		Kind:    KindPhone,
		Country: c,
		Weight:  t.strength,
		Value:   phonenumbers.Format(num, phonenumbers.E164),
		Detail:  fmt.Sprintf("+%d %s%s", num.GetCountryCode(), t.name, layout),
	}, true
}

// nanp holds the regions of the North American Numbering Plan with their
// own region code in libphonenumber.
var nanp = map[string]bool{
	"US": true, "CA": true, "AG": true, "AI": true, "AS": true, "BB": true, "BM": true, "BS": true, "DM": true, "DO": true,
	"GD": true, "GU": true, "JM": true, "KN": true, "KY": true, "LC": true, "MP": true, "MS": true, "PR": true, "SX": true,
	"TC": true, "TT": true, "VC": true, "VG": true, "VI": true,
}

// northAmerican reports whether s is written as a North American national
// number: "(NXX) NXX-XXXX" (space after the parenthesis optional),
// "NXX-NXX-XXXX" or "NXX.NXX.XXXX" with N in 2–9. National numbers of
// the other plans start with a trunk 0 or have other groupings.
func northAmerican(s string) bool {
	s = strings.TrimSpace(s)
	var pat string
	switch {
	case strings.HasPrefix(s, "(") && len(s) == 14:
		pat = "(NXX) NXX-XXXX"
	case strings.HasPrefix(s, "(") && len(s) == 13:
		pat = "(NXX)NXX-XXXX"
	case len(s) == 12 && s[3] == '-':
		pat = "NXX-NXX-XXXX"
	case len(s) == 12 && s[3] == '.':
		pat = "NXX.NXX.XXXX"
	default:
		return false
	}
	for i := range len(pat) {
		c, p := s[i], pat[i]
		switch p {
		case 'N':
			if c < '2' || c > '9' {
				return false
			}
		case 'X':
			if c < '0' || c > '9' {
				return false
			}
		default:
			if c != p {
				return false
			}
		}
	}
	return true
}
