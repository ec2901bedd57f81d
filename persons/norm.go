package persons

import (
	"net/netip"
	"strings"

	"github.com/coinsift/coinsift/seized/detect"
)

// NormPhone returns s when it is an E.164 number (+, a non-zero digit,
// 7 to 15 digits in all), else "": junk such as "+", "n/a" or "07" in a
// phone column must not join strangers.
func NormPhone(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 16 || s[0] != '+' || s[1] == '0' {
		return ""
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return ""
		}
	}
	return s
}

// NormIP returns the canonical form of a login address, or "" when it is
// not a public unicast address: private, loopback, link-local, carrier NAT
// (100.64.0.0/10) and documentation addresses are shared by strangers.
func NormIP(s string) string {
	a, err := netip.ParseAddr(strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	a = a.Unmap().WithZone("")
	if !a.IsGlobalUnicast() || a.IsPrivate() {
		return ""
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return ""
		}
	}
	return a.String()
}

var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.2.0/24"),    // TEST-NET-1
	netip.MustParsePrefix("198.51.100.0/24"), // TEST-NET-2
	netip.MustParsePrefix("203.0.113.0/24"),  // TEST-NET-3
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
}

// emailRules is how each provider delivers variants of one mailbox:
// dots ignored in the local part, and sub-addresses after a '+'.
// docs/methodology.md ("Persons") prints this table.
var emailRules = map[string]struct {
	dots, plus bool
	canonical  string // the domain the mailbox is written under
}{
	"gmail.com":      {true, true, "gmail.com"},
	"googlemail.com": {true, true, "gmail.com"},
	"outlook.com":    {false, true, ""},
	"hotmail.com":    {false, true, ""},
	"hotmail.co.uk":  {false, true, ""},
	"live.com":       {false, true, ""},
	"live.co.uk":     {false, true, ""},
	"msn.com":        {false, true, ""},
	"icloud.com":     {false, true, ""},
	"me.com":         {false, true, ""},
	"mac.com":        {false, true, ""},
	"hotmail.fr":     {false, true, ""},
	"hotmail.de":     {false, true, ""},
	"hotmail.it":     {false, true, ""},
	"hotmail.es":     {false, true, ""},
	"outlook.fr":     {false, true, ""},
	"outlook.de":     {false, true, ""},
	"outlook.es":     {false, true, ""},
	"outlook.it":     {false, true, ""},
	"live.fr":        {false, true, ""},
	"live.de":        {false, true, ""},
	"live.it":        {false, true, ""},
	"live.nl":        {false, true, ""},
	// One Proton account receives at each of its domains.
	"protonmail.com": {false, true, "proton.me"},
	"protonmail.ch":  {false, true, "proton.me"},
	"proton.me":      {false, true, "proton.me"},
	"pm.me":          {false, true, "proton.me"},
	"fastmail.com":   {false, true, ""},
	"fastmail.fm":    {false, true, ""},
	// One Yandex login receives at each of its domains.
	"yandex.ru":    {false, true, "yandex.ru"},
	"yandex.com":   {false, true, "yandex.ru"},
	"ya.ru":        {false, true, "yandex.ru"},
	"yandex.by":    {false, true, "yandex.ru"},
	"yandex.kz":    {false, true, "yandex.ru"},
	"yandex.ua":    {false, true, "yandex.ru"},
	"tutanota.com": {false, true, ""},
	"gmx.com":      {false, true, ""},
	"gmx.de":       {false, true, ""},
	"web.de":       {false, true, ""},
	"zoho.com":     {false, true, ""},
}

// NormEmail returns the mailbox an e-mail address delivers to: trimmed and
// lower-cased, and for the providers of emailRules without the dots of the
// local part (Gmail; googlemail.com is gmail.com), without a '+tag'
// sub-address, and under one domain of the provider's several (Proton's
// under proton.me, Yandex's under yandex.ru). "" when it is not an address (no '@', empty local part or
// domain, spaces).
func NormEmail(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.ContainsAny(s, " \t\r\n") {
		return ""
	}
	local, domain := s[:at], strings.TrimSuffix(s[at+1:], ".")
	if r, ok := emailRules[domain]; ok {
		if r.plus {
			if i := strings.IndexByte(local, '+'); i >= 0 {
				local = local[:i]
			}
		}
		if r.dots {
			local = strings.ReplaceAll(local, ".", "")
		}
		if r.canonical != "" {
			domain = r.canonical
		}
		if local == "" {
			return ""
		}
	}
	return local + "@" + domain
}

// NormHandle returns a messenger handle of kind (see [Messengers]) in the
// form the messenger compares (detect.NormHandle, which seized/mapping
// also writes to identifiers.normalized).
func NormHandle(kind, s string) string { return detect.NormHandle(kind, s) }

// junkLocal are e-mail local parts and messenger handles people type when
// they will not give theirs.
var junkLocal = map[string]bool{
	"test": true, "testing": true, "tester": true, "example": true, "none": true, "no": true, "noemail": true,
	"nomail": true, "null": true, "nil": true, "na": true, "n/a": true, "asdf": true, "asdfgh": true, "qwerty": true,
	"abc": true, "abc123": true, "fake": true, "spam": true, "user": true, "anon": true, "anonymous": true,
	"nobody": true, "noreply": true, "no-reply": true, "xxx": true, "me": true, "mail": true, "email": true,
	"admin": true, "info": true, "unknown": true, "-": true, "idk": true,
	// Role words: the service's own contacts, or a placeholder.
	"support": true, "help": true, "helpdesk": true, "contact": true, "sales": true, "service": true,
	"root": true, "webmaster": true, "postmaster": true, "operator": true, "manager": true, "owner": true,
	"official": true, "telegram": true, "jabber": true, "xmpp": true, "bot": true, "moderator": true,
}

// junkDomains are e-mail domains nobody receives mail at, or that many
// people share an inbox of.
var junkDomains = map[string]bool{
	"example.com": true, "example.org": true, "example.net": true, "test.com": true, "test.test": true,
	"test.org": true, "domain.com": true, "email.test": true, "localhost": true, "invalid": true,
	"mailinator.com": true, "guerrillamail.com": true, "sharklasers.com": true, "yopmail.com": true,
	"10minutemail.com": true, "trashmail.com": true, "temp-mail.org": true, "maildrop.cc": true,
}

// Junk reports whether a normalised value of kind is a placeholder
// strangers type alike: an e-mail at a junk domain or with a junk local
// part (test@…, none@…, aaaa@…, 123456@…), a phone number whose national
// digits are one digit repeated or a run like 1234567, a handle that is
// a junk word, all one character or shorter than 3. It contributes
// nothing, however few accounts share it.
func Junk(kind, v string) bool {
	switch {
	case kind == ReasonEmail:
		at := strings.LastIndexByte(v, '@')
		if at < 0 {
			return true
		}
		local, domain := v[:at], v[at+1:]
		return junkDomains[domain] || junkLocal[local] || oneChar(local) || digitRun(local)
	case kind == ReasonPhone:
		d := strings.TrimPrefix(v, "+")
		return oneChar(d[min(3, len(d)):]) || hasRepeat(d, 6) || strings.Contains(d, "1234567") || strings.Contains(d, "9876543")
	case IsMessenger(kind):
		h := v
		if at := strings.IndexByte(h, '@'); at > 0 {
			h = h[:at]
		}
		if kind == "icq" {
			return len(h) < 5 || oneChar(h) || digitRun(h) || hasRepeat(h, 6)
		}
		return len(h) < 3 || junkLocal[h] || oneChar(h) || digitRun(h)
	}
	return false
}

// oneChar reports whether s is one character repeated (or empty).
func oneChar(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return true
}

// hasRepeat reports whether s holds one byte n times in a row.
func hasRepeat(s string, n int) bool {
	run := 1
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 1
		}
	}
	return false
}

// digitRun reports whether s is all digits counting up or down by one
// (123456, 54321) and at least 3 long.
func digitRun(s string) bool {
	n := len(s)
	if n < 3 {
		return false
	}
	up, down := true, true
	for i := 0; i < n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		if i > 0 {
			up = up && s[i] == s[i-1]+1
			down = down && s[i] == s[i-1]-1
		}
	}
	return up || down
}
