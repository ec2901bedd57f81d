package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"

	"github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/internal/sanitize"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Display limits: longer values are cut with an ellipsis and a note in CSV,
// XLSX, PDF and HTML. suspects.json always keeps the full value.
const (
	maxCell    = 1000 // runes in a CSV or XLSX cell (Excel's own limit is 32,767)
	maxPDF     = 300  // runes of one value on a PDF page
	redacted   = "[redacted]"
	timeLayout = "2006-01-02 15:04:05 UTC"
)

// clip returns s cut to at most n runes; a cut value ends in an ellipsis
// and says how long the original was and where to find it.
func clip(s string, n int, where string) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for i = range s {
		if k == n {
			break
		}
		k++
	}
	return s[:i] + "… [truncated, " + strconv.Itoa(len(s)) + " bytes; full value in " + where + "]"
}

// cell makes s safe for a CSV cell: control characters, invalid UTF-8 and
// bidi overrides become visible escapes, long values are clipped and
// formula triggers are neutralised by sanitize.CSVCell.
func cell(s string) string {
	return sanitize.CSVCell(xcell(s))
}

// xcell makes s safe for an XLSX string cell: control characters, invalid
// UTF-8 and bidi overrides become visible escapes and long values are
// clipped. Formula triggers are left as they are: the workbook stores text
// as string cells, which no spreadsheet evaluates, so "=1+1" and
// "+447700900123" are shown exactly as seized, without an apostrophe.
func xcell(s string) string {
	return sanitize.Terminal(clip(s, maxCell, "suspects.json"))
}

var (
	cp1252Once    sync.Once
	cp1252        map[rune]byte
	cp1252RevOnce sync.Once
	cp1252Rev     map[byte]rune // for decodeLatin
)

// latin returns s encoded in cp1252 for fpdf's core fonts. Runes the font
// cannot show are written as \u{hex}, control characters and bidi overrides
// as \xNN or \u{hex} (sanitize.Terminal), so nothing is lost silently and
// nothing can reorder the text. Values are clipped to maxPDF runes first.
func latin(s string) string { return encode(clipv(s)) }

// clipv clips one untrusted value embedded in a longer PDF paragraph.
func clipv(s string) string { return clip(s, maxPDF, "suspects.json") }

func latin1Init() {
	cp1252Once.Do(func() {
		pdf := fpdf.New("P", "mm", "A4", "")
		tr := pdf.UnicodeTranslatorFromDescriptor("")
		cp1252 = make(map[rune]byte)
		for r := rune(0x80); r < 0x2200; r++ {
			if out := tr(string(r)); len(out) == 1 && out != "." {
				cp1252[r] = out[0]
			}
		}
	})
}

// encode is latin without clipping, for text coinsift writes itself (long
// paragraphs) with values already clipped by clipv.
func encode(s string) string {
	latin1Init()
	s = sanitize.Terminal(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteByte(byte(r))
		case cp1252[r] != 0:
			b.WriteByte(cp1252[r])
		default:
			fmt.Fprintf(&b, `\u{%x}`, r)
		}
	}
	return b.String()
}

// decodeLatin turns text encoded by encode back into UTF-8 (escapes stay
// as written), for the text of a document the tests compare.
func decodeLatin(s string) string {
	latin1Init()
	cp1252RevOnce.Do(func() {
		cp1252Rev = make(map[byte]rune, len(cp1252))
		for r, b := range cp1252 {
			if old, ok := cp1252Rev[b]; !ok || r < old {
				cp1252Rev[b] = r
			}
		}
	})
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x80 {
			b.WriteByte(c)
		} else if r, ok := cp1252Rev[c]; ok {
			b.WriteRune(r)
		} else {
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

// display makes s safe for one line of HTML text (html/template escapes
// markup; this makes controls visible and clips long values).
func display(s string) string {
	return sanitize.Terminal(clip(s, maxPDF, "the JSON export"))
}

// symbol returns the currency sign printed before amounts.
func symbol(cur string) string {
	switch cur {
	case "GBP":
		return "£"
	case "EUR":
		return "€"
	case "USD":
		return "$"
	}
	return cur + " "
}

// money formats m for people: "£1,234.56".
func money(m coinsift.Money) string {
	neg := m.Minor < 0
	u := m.Minor
	if neg {
		u = -u
	}
	s := symbol(m.Currency) + thousands(u/100) + fmt.Sprintf(".%02d", u%100)
	if neg {
		return "-" + s
	}
	return s
}

// decimal formats m for machines: "1234.56".
func decimal(m coinsift.Money) string {
	neg := m.Minor < 0
	u := m.Minor
	if neg {
		u = -u
	}
	s := fmt.Sprintf("%d.%02d", u/100, u%100)
	if neg {
		return "-" + s
	}
	return s
}

// english groups digits by thousands with commas (golang.org/x/text).
var english = message.NewPrinter(language.English)

// thousands formats n with comma separators: 1234567 → "1,234,567".
func thousands(n int64) string { return english.Sprintf("%d", n) }

func btc(s coinsift.Sats) string { return s.String() + " BTC" }

func ftime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(timeLayout)
}

func rfc(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func ffloat(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func pct(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }

// fileName turns an untrusted name (person id, exchange) into a safe file
// name: ASCII letters, digits, '-' and '_' are kept, anything else
// becomes '_'. A changed or long name gets 8 hex digits of its SHA-256 so
// that two names never collide.
func fileName(s string) string {
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_':
			b.WriteByte(c)
		default:
			b.WriteByte('_')
			changed = true
		}
	}
	out := b.String()
	if len(out) > 48 {
		out, changed = out[:48], true
	}
	if changed || out == "" {
		sum := sha256.Sum256([]byte(s))
		out += "-" + hex.EncodeToString(sum[:4])
	}
	return out
}

func tool(c Case) string {
	v := c.Version
	if v == "" {
		v = "dev"
	}
	return "coinsift " + v
}

// lastSeq is the largest sequence number in the audit excerpt, 0 if none.
func lastSeq(c Case) int64 {
	var n int64
	for _, l := range c.AuditExcerpt {
		n = max(n, l.Seq)
	}
	return n
}

func footer(c Case) string {
	return fmt.Sprintf("Generated by %s from audit seq %d", tool(c), lastSeq(c))
}

// rateText trims the trailing fractional zeros a DECIMAL column gives a
// rate ("28403.270738000000" → "28403.270738"); other text is unchanged.
func rateText(s string) string {
	whole, frac, ok := strings.Cut(s, ".")
	if !ok || whole == "" || strings.Trim(whole, "-0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		return s
	}
	if frac = strings.TrimRight(frac, "0"); frac == "" {
		return whole
	}
	return whole + "." + frac
}
