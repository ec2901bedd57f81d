package place

import (
	"strings"

	coinsift "github.com/coinsift/coinsift"
)

// maxEmailLen bounds the input Email looks at (RFC 5321 allows 254).
const maxEmailLen = 320

// ccTLDs maps the country-code top-level domains that differ from the ISO
// 3166-1 code, or that are sold worldwide as generic names and so say
// nothing about the holder ("" = no signal).
var ccTLDs = map[string]coinsift.Country{
	"uk": "GB", // ISO code GB, ccTLD .uk
	"eu": "",   // not a country
	"su": "",   // former Soviet Union
	"ac": "", "ai": "", "am": "", "as": "", "bz": "", "cc": "", "cd": "", "cf": "",
	"co": "", "cx": "", "dj": "", "fm": "", "ga": "", "gg": "", "gl": "", "gq": "",
	"gs": "", "io": "", "la": "", "ly": "", "me": "", "ml": "", "ms": "", "mu": "",
	"nu": "", "pw": "", "sh": "", "sc": "", "so": "", "st": "", "tk": "", "tm": "",
	"to": "", "tv": "", "vc": "", "vg": "", "ws": "",
}

// providers maps e-mail domains under generic TLDs (.com, .net) whose users
// are overwhelmingly in one country: national ISPs and webmail. Domains under
// a ccTLD (web.de, orange.fr, libero.it, mail.ru) need no entry. Global
// webmail (gmail.com, outlook.com, yahoo.com, icloud.com, protonmail.com,
// aol.com, gmx.com, yandex.com) gives no signal.
var providers = map[string]coinsift.Country{
	"btinternet.com": "GB", "btopenworld.com": "GB", "sky.com": "GB",
	"talktalk.net": "GB", "virginmedia.com": "GB", "ntlworld.com": "GB",
	"eircom.net":  "IE",
	"laposte.net": "FR",
	"bigpond.com": "AU",
	"comcast.net": "US", "verizon.net": "US", "att.net": "US", "sbcglobal.net": "US",
	"cox.net": "US", "charter.net": "US", "bellsouth.net": "US", "earthlink.net": "US",
	"rogers.com": "CA", "telus.net": "CA", "bell.net": "CA",
	"qq.com": "CN", "163.com": "CN", "126.com": "CN",
	"naver.com": "KR", "daum.net": "KR", "hanmail.net": "KR",
	"rediffmail.com": "IN",
}

// Email reads the country of an e-mail address's domain: a national
// provider under a generic TLD (btinternet.com → GB), else the country-code
// TLD (.nl → NL, .uk → GB, hotmail.co.uk → GB). Generic TLDs (.com, .org,
// .net, .xyz …), global webmail, ccTLDs marketed worldwide (.io, .co, .me,
// .tv …) and malformed or hostile input give no signal. Value is the domain
// in lower case, Detail "ccTLD .nl" or "provider btinternet.com".
//
// A domain is chosen at sign-up and costs nothing to fake, so this is weak
// evidence that mainly corroborates stronger signals.
func Email(address string) (Signal, bool) {
	address = strings.TrimSpace(address)
	if len(address) > maxEmailLen {
		return Signal{}, false
	}
	for i := 0; i < len(address); i++ {
		if c := address[i]; c <= ' ' || c == 0x7f {
			return Signal{}, false // whitespace or control characters: header injection, junk
		}
	}
	at := strings.LastIndexByte(address, '@')
	if at <= 0 {
		return Signal{}, false
	}
	if local := address[:at]; strings.IndexByte(local, '@') >= 0 &&
		!(len(local) > 1 && local[0] == '"' && local[len(local)-1] == '"') {
		return Signal{}, false // a second @ outside a quoted local part
	}
	domain, ok := cleanDomain(address[at+1:])
	if !ok {
		return Signal{}, false
	}
	if c, ok := providers[domain]; ok {
		return Signal{Kind: KindEmail, Country: c, Weight: 1, Value: domain, Detail: "provider " + domain}, true
	}
	tld := domain[strings.LastIndexByte(domain, '.')+1:]
	c, listed := ccTLDs[tld]
	if !listed {
		if c, ok = ParseCountry(tld); !ok {
			return Signal{}, false
		}
	}
	if c == "" {
		return Signal{}, false
	}
	return Signal{Kind: KindEmail, Country: c, Weight: 1, Value: domain, Detail: "ccTLD ." + tld}, true
}

// cleanDomain lower-cases a domain and checks that it is a DNS host name
// of at least two labels: letters, digits and inner hyphens, labels of at
// most 63 bytes, at most 253 bytes in all, one trailing dot allowed, and an
// alphabetic TLD. Internationalised names must be in punycode (xn--).
func cleanDomain(s string) (string, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	if len(s) == 0 || len(s) > 253 {
		return "", false
	}
	b := []byte(s)
	labels, start := 1, 0
	for i := 0; i <= len(b); i++ {
		if i == len(b) || b[i] == '.' {
			n := i - start
			if n == 0 || n > 63 || b[start] == '-' || b[i-1] == '-' {
				return "", false
			}
			if i < len(b) {
				labels++
			}
			start = i + 1
			continue
		}
		c := b[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b[i] = c + 'a' - 'A'
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-':
		default:
			return "", false
		}
	}
	if labels < 2 {
		return "", false
	}
	d := string(b)
	for _, c := range d[strings.LastIndexByte(d, '.')+1:] {
		if c < 'a' || c > 'z' {
			return "", false
		}
	}
	return d, true
}
