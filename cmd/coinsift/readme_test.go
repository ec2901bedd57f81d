package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// commandTree is every visible command under root, root included.
func commandTree(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	for _, c := range root.Commands() {
		if c.Hidden || c.Name() == "help" {
			continue
		}
		out = append(out, commandTree(c)...)
	}
	return out
}

// shellWords splits an example line the way a shell would for the simple
// lines help examples hold: words separated by blanks, '…' and "…" quoting,
// and the line ends at a comment, a redirection or a pipe.
func shellWords(line string) []string {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		ch := line[i]
		switch {
		case ch == '\'' || ch == '"':
			j := strings.IndexByte(line[i+1:], ch)
			if j < 0 {
				j = len(line) - i - 1
			}
			cur.WriteString(line[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case ch == ' ' || ch == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case !inWord && (ch == '#' || ch == '>' || ch == '|' || ch == '<'):
			return words
		default:
			cur.WriteByte(ch)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// TestHelpExamples walks the command tree: every command (groups and the
// root included) has examples and an EXIT STATUS section in its help, and
// every example line is a command line the parser accepts (a known command,
// known flags, the arguments it takes), at least one of them running this
// command or one below it.
func TestHelpExamples(t *testing.T) {
	for _, c := range commandTree(newRootCommand(&globals{})) {
		path := c.CommandPath()
		t.Run(path, func(t *testing.T) {
			args := append(strings.Fields(path)[1:], "--help")
			out := mustCLI(t, args...)
			if !strings.Contains(out, "EXIT STATUS") || !strings.Contains(out, "130") {
				t.Errorf("%s --help: no EXIT STATUS section", path)
			}
			if strings.TrimSpace(c.Example) == "" || !strings.Contains(out, "Examples:") {
				t.Fatalf("%s --help: no examples", path)
			}
			lines := strings.Split(strings.TrimRight(c.Example, "\n"), "\n")
			if len(lines) < 2 || len(lines) > 4 {
				t.Errorf("%s: %d example lines; want 2 to 4", path, len(lines))
			}
			own := 0 // lines that run this command or one below it
			for _, line := range lines {
				if !strings.HasPrefix(line, "  ") {
					t.Errorf("%s: example %q is not indented by two spaces", path, line)
				}
				words := shellWords(strings.TrimSpace(line))
				if len(words) == 0 || words[0] != "coinsift" {
					t.Errorf("%s: example %q does not start with coinsift", path, line)
					continue
				}
				// A fresh tree per line: parsing flags sets them.
				root := newRootCommand(&globals{})
				target, rest, err := root.Find(words[1:])
				if err != nil {
					t.Errorf("%s: example %q: %v", path, line, err)
					continue
				}
				if got := target.CommandPath(); got == path || strings.HasPrefix(got, path+" ") {
					own++
				}
				if err := target.ParseFlags(rest); err != nil {
					t.Errorf("%s: example %q: %v", path, line, err)
					continue
				}
				if target.Args != nil {
					if err := target.Args(target, target.Flags().Args()); err != nil {
						t.Errorf("%s: example %q: arguments: %v", path, line, err)
					}
				}
			}
			if own == 0 {
				t.Errorf("%s: no example runs this command", path)
			}
		})
	}
}

func TestShellWords(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{`coinsift sql "SELECT 1"`, []string{"coinsift", "sql", "SELECT 1"}},
		{`coinsift triage --rule 'country == "GB"'`, []string{"coinsift", "triage", "--rule", `country == "GB"`}},
		{`coinsift seized map --suggest d.sql > m.yaml`, []string{"coinsift", "seized", "map", "--suggest", "d.sql"}},
		{`coinsift link   # a comment`, []string{"coinsift", "link"}},
		{`coinsift a#b`, []string{"coinsift", "a#b"}},
	}
	for _, tt := range tests {
		if got := shellWords(tt.line); !slices.Equal(got, tt.want) {
			t.Errorf("shellWords(%q) = %q; want %q", tt.line, got, tt.want)
		}
	}
}
