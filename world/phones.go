package world

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// crownPrefixes are +44 mobile blocks used by the Crown Dependencies
// (Guernsey, Jersey, Isle of Man: separate jurisdictions) or holding Ofcom's
// drama range (07700 900xxx); GB persons never get them. libphonenumber's
// region check catches the rest.
var crownPrefixes = []string{"7911", "7781", "7839", "7624", "7797", "7829", "7937", "7509", "7700"}

// phoneNumber draws a mobile number of country c in E.164. Every number is
// checked with libphonenumber: valid, of type mobile (or fixed-line-or-
// mobile, as NANP numbers are), and placed in c itself (a +1 number in a
// US area code is never given to a Canadian, a +44 7911 number never to a
// GB person). Numbers are random within the allocated ranges and may belong
// to real subscribers: worlds must never be used to call or text anyone.
func phoneNumber(r *rand.Rand, c *countryFact) string {
	cc := int32(phonenumbers.GetCountryCodeForRegion(c.code))
	ex := phonenumbers.GetExampleNumberForType(c.code, phonenumbers.MOBILE)
	exNSN := strconv.FormatUint(ex.GetNationalNumber(), 10)
	var b strings.Builder
	for try := range 64 {
		b.Reset()
		switch {
		case len(c.area) > 0:
			// NANP: area code, exchange code NXX (N = 2–9, not N11), line.
			b.WriteString(c.area[r.IntN(len(c.area))])
			b.WriteByte(byte('2' + r.IntN(8)))
			x, y := r.IntN(10), r.IntN(10)
			if x == 1 && y == 1 {
				y = 2
			}
			b.WriteByte(byte('0' + x))
			b.WriteByte(byte('0' + y))
			digits(r, &b, 4)
		case try < 48 && len(c.mobile) > 0:
			lead := c.mobile[r.IntN(len(c.mobile))]
			b.WriteString(lead)
			digits(r, &b, len(exNSN)-len(lead))
		default:
			// Fall back to the example's range with random trailing digits.
			keep := len(exNSN) - 4
			b.WriteString(exNSN[:keep])
			digits(r, &b, 4)
		}
		if nsn := b.String(); validMobile(cc, nsn, c.code) {
			return "+" + strconv.Itoa(int(cc)) + nsn
		}
	}
	return "+" + strconv.Itoa(int(cc)) + exNSN
}

func digits(r *rand.Rand, b *strings.Builder, n int) {
	for range n {
		b.WriteByte(byte('0' + r.IntN(10)))
	}
}

// validMobile reports whether national significant number nsn under calling
// code cc is a valid mobile number that libphonenumber places in region.
func validMobile(cc int32, nsn, region string) bool {
	if region == "GB" {
		for _, p := range crownPrefixes {
			if strings.HasPrefix(nsn, p) {
				return false
			}
		}
	}
	n, err := strconv.ParseUint(nsn, 10, 64)
	if err != nil {
		return false
	}
	num := &phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &n}
	if !phonenumbers.IsValidNumber(num) || phonenumbers.GetRegionCodeForNumber(num) != region {
		return false
	}
	t := phonenumbers.GetNumberType(num)
	return t == phonenumbers.MOBILE || t == phonenumbers.FIXED_LINE_OR_MOBILE
}

// phoneText writes an E.164 number the way a user of country c typed it
// into a UK-facing sign-up form. GB users mostly type the national form
// ("07400 123456", the country implied); others mostly the international
// one, with or without spaces or dashes, and a few their own national form,
// which a reader assuming GB misplaces or rejects. A few entries are junk.
func phoneText(r *rand.Rand, e164, country string) string {
	num, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return e164
	}
	x := r.Float64()
	if x < 0.005 {
		return []string{"0", "n/a", "123456", "07", "none", "+"}[r.IntN(6)]
	}
	if country == "GB" {
		switch {
		case x < 0.40:
			return "0" + strconv.FormatUint(num.GetNationalNumber(), 10) // 07400123456
		case x < 0.58:
			return phonenumbers.Format(num, phonenumbers.NATIONAL) // 07400 123456
		case x < 0.85:
			return e164
		case x < 0.95:
			return phonenumbers.Format(num, phonenumbers.INTERNATIONAL) // +44 7400 123456
		default:
			return "00" + e164[1:]
		}
	}
	switch {
	case x < 0.55:
		return e164
	case x < 0.78:
		return phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
	case x < 0.88:
		return strings.ReplaceAll(phonenumbers.Format(num, phonenumbers.INTERNATIONAL), " ", "-")
	default:
		return phonenumbers.Format(num, phonenumbers.NATIONAL) // the country only implied
	}
}
