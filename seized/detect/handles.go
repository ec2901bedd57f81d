package detect

import "strings"

// Messengers are the identifier kinds of messenger handles, each
// normalised by [NormHandle]; "xmpp" is read as "jabber". Package persons
// weighs them; package seized/mapping writes them.
var Messengers = []string{"telegram", "jabber", "icq", "discord", "wickr", "session", "signal", "threema",
	"skype", "wechat", "whatsapp", "tox", "element", "matrix"}

// IsMessenger reports whether kind is a messenger handle kind.
func IsMessenger(kind string) bool {
	for _, m := range Messengers {
		if kind == m {
			return true
		}
	}
	return false
}

// NormHandle returns a messenger handle of kind (see [Messengers]) in the
// form the messenger compares: trimmed, lower-cased, without a leading '@'
// or a t.me link prefix (telegram), without the resource of a JID
// (jabber: "Name@Server/phone" is "name@server"), digits only (icq). ""
// when nothing is left or a jabber id has no server.
func NormHandle(kind, s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch kind {
	case "telegram":
		for _, p := range []string{"https://", "http://", "www.", "t.me/", "telegram.me/"} {
			s = strings.TrimPrefix(s, p)
		}
		s = strings.TrimPrefix(s, "@")
	case "jabber", "xmpp":
		s = strings.TrimPrefix(s, "xmpp:")
		if i := strings.IndexByte(s, '/'); i >= 0 {
			s = s[:i]
		}
		if at := strings.IndexByte(s, '@'); at <= 0 || at == len(s)-1 {
			return ""
		}
	case "icq":
		var b strings.Builder
		for _, c := range s {
			switch {
			case c >= '0' && c <= '9':
				b.WriteRune(c)
			case c == ' ' || c == '-':
			default:
				return ""
			}
		}
		s = b.String()
	default:
		s = strings.TrimPrefix(s, "@")
	}
	return strings.TrimSpace(s)
}
