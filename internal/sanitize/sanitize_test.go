package sanitize_test

import (
	"testing"

	"github.com/coinsift/coinsift/internal/sanitize"
)

func TestTerminal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"alice", "alice"},
		{"über 😀", "über 😀"},
		{"\x1b[2J\x1b[31mred", `\x1b[2J\x1b[31mred`},
		{"a\nb\tc\r", `a\x0ab\x09c\x0d`},
		{"bad\xffutf8", `bad\xffutf8`},
		{"abc\u202Eevil", `abc\u{202e}evil`},
		{`back\slash`, `back\slash`},
	}
	for _, tt := range tests {
		if got := sanitize.Terminal(tt.in); got != tt.want {
			t.Errorf("Terminal(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestCSVCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"alice", "alice"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1 555", "'+1 555"},
		{"-12.5", "-12.5"},
		{"+44", "+44"},
		{"-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"-Inf", "'-Inf"},
	}
	for _, tt := range tests {
		if got := sanitize.CSVCell(tt.in); got != tt.want {
			t.Errorf("CSVCell(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
