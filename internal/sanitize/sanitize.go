package sanitize

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Terminal returns s with every control character, invalid UTF-8 byte and
// bidirectional override escaped as \xNN or \u{NNNN}, so that printing it
// cannot move the cursor, change colours or reorder text.
func Terminal(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || needsEscape(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case needsEscape(r):
			if r < 0x100 {
				b.WriteString(`\x`)
				b.WriteString(hex2(byte(r)))
			} else {
				b.WriteString(`\u{`)
				b.WriteString(strconv.FormatInt(int64(r), 16))
				b.WriteString(`}`)
			}
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func needsEscape(r rune) bool {
	if r == '\\' {
		return false
	}
	if unicode.IsControl(r) {
		return true
	}
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F:
		return true // bidi controls (Trojan Source)
	}
	return false
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// CSVCell returns s made inert for a spreadsheet opening a CSV file: a
// cell that begins with '=', '+', '-', '@', a tab or a carriage return is
// prefixed with a single quote, unless it is a plain number such as "-12.5".
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if isNumber(s) {
			return s
		}
		return "'" + s
	}
	return s
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && !strings.ContainsAny(s, "xXpPiInN_") // no hex floats, Inf, NaN
}
