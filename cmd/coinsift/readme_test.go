package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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

// commandLines splits text into command lines: a line ending in a
// backslash continues on the next.
func commandLines(text string) []string {
	return strings.Split(strings.ReplaceAll(text, "\\\n", " "), "\n")
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
			lines := commandLines(strings.TrimRight(c.Example, "\n"))
			if len(lines) < 2 || len(lines) > 4 {
				t.Errorf("%s: %d examples; want 2 to 4", path, len(lines))
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

func TestCommandLines(t *testing.T) {
	got := commandLines("  coinsift a \\\n      --b c\n  coinsift d")
	want := []string{"  coinsift a        --b c", "  coinsift d"}
	if !slices.Equal(got, want) {
		t.Errorf("commandLines = %q; want %q", got, want)
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

// The by-hand sequence of README.md sits between these two lines, as one
// ```sh block.
const (
	byHandBegin = "<!-- by-hand:begin -->"
	byHandEnd   = "<!-- by-hand:end -->"
)

// byHandBlock returns the shell block of README.md between the by-hand
// markers, without its fences.
func byHandBlock(readme string) (string, error) {
	_, rest, ok := strings.Cut(readme, byHandBegin)
	if !ok {
		return "", fmt.Errorf("README.md: no %s line", byHandBegin)
	}
	part, _, ok := strings.Cut(rest, byHandEnd)
	if !ok {
		return "", fmt.Errorf("README.md: no %s line after %s", byHandEnd, byHandBegin)
	}
	part = strings.TrimSpace(part)
	body, ok := strings.CutPrefix(part, "```sh\n")
	if !ok {
		return "", fmt.Errorf("README.md: the by-hand section does not start with a ```sh fence")
	}
	body, ok = strings.CutSuffix(body, "\n```")
	if !ok || strings.Contains(body, "```") {
		return "", fmt.Errorf("README.md: the by-hand section is not one ```sh block")
	}
	return body + "\n", nil
}

func readREADME(t *testing.T) (root, readme string) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return root, string(b)
}

// TestReadmeByHandParses checks, without running anything, that every
// coinsift line of README's by-hand sequence names a known command with
// known flags and the arguments it takes (TestReadmeByHand runs it).
func TestReadmeByHandParses(t *testing.T) {
	_, readme := readREADME(t)
	block, err := byHandBlock(readme)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range commandLines(block) {
		words := shellWords(strings.TrimSpace(line))
		if len(words) == 0 || words[0] != "coinsift" {
			continue
		}
		n++
		root := newRootCommand(&globals{})
		target, rest, err := root.Find(words[1:])
		if err == nil {
			err = target.ParseFlags(rest)
		}
		if err == nil && target.Args != nil {
			err = target.Args(target, target.Flags().Args())
		}
		if err != nil {
			t.Errorf("README by hand: %q: %v", line, err)
		}
	}
	if n < 20 {
		t.Errorf("README by hand: %d coinsift lines; the job takes more", n)
	}
}

func TestByHandBlock(t *testing.T) {
	tests := []struct {
		name, readme, want string
		ok                 bool
	}{
		{"block", "x\n" + byHandBegin + "\n```sh\na\nb\n```\n" + byHandEnd + "\ny", "a\nb\n", true},
		{"no begin", "```sh\na\n```\n" + byHandEnd, "", false},
		{"no end", byHandBegin + "\n```sh\na\n```\n", "", false},
		{"not sh", byHandBegin + "\n```\na\n```\n" + byHandEnd, "", false},
		{"two blocks", byHandBegin + "\n```sh\na\n```\n```sh\nb\n```\n" + byHandEnd, "", false},
	}
	for _, tt := range tests {
		got, err := byHandBlock(tt.readme)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("%s: byHandBlock = %q, %v; want %q, ok %v", tt.name, got, err, tt.want, tt.ok)
		}
	}
}

// TestReadmeByHand runs README's Quick start and its by-hand sequence
// literally, each in a fresh directory: `make demo` (with its binary and
// output moved into a temporary directory) and then the by-hand block with
// bash (set -euo pipefail) and that binary first on PATH. The by-hand run
// must write every referral package the demo writes — the same countries,
// the same files, the same suspects — and the case summary, and leave an
// audit log and evidence that verify.
func TestReadmeByHand(t *testing.T) {
	if os.Getenv("COINSIFT_INTEGRATION") != "1" {
		t.Skip("set COINSIFT_INTEGRATION=1 to run README's Quick start and by-hand sequence (two small worlds, a few minutes)")
	}
	root, readme := readREADME(t)
	block, err := byHandBlock(readme)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readme, "make test    # runs the tests (go test ./...)") {
		t.Error("README Quick start: the make test line changed; update this test")
	}
	// make test cannot run inside the tests; check it is what README says.
	if out, err := exec.Command("make", "-s", "-n", "-C", root, "test").Output(); err != nil || strings.TrimSpace(string(out)) != "go test ./..." {
		t.Errorf("make -n test = %q, %v; README says it runs go test ./...", out, err)
	}

	tmp := t.TempDir()
	binDir := filepath.Join(tmp, "bin")
	relBin, err := filepath.Rel(root, filepath.Join(binDir, "coinsift"))
	if err != nil {
		t.Fatal(err)
	}
	demoOut := filepath.Join(tmp, "demo")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	env := []string{"PATH=" + binDir + string(os.PathListSeparator) + os.Getenv("PATH")}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PATH=") && !strings.HasPrefix(kv, "COINSIFT_CASE=") {
			env = append(env, kv)
		}
	}
	shell := func(name, dir string, args ...string) {
		t.Helper()
		cmd := exec.CommandContext(ctx, args[0], args[1:]...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			if len(out) > 4000 {
				out = out[len(out)-4000:]
			}
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
	}
	// Quick start: make demo, its binary and output redirected.
	shell("make demo", root, "make", "-C", root, "demo", "BIN="+relBin, "DEMO_OUT="+demoOut)
	// The job, by hand, as written.
	work := filepath.Join(tmp, "byhand")
	if err := os.MkdirAll(work, 0o755); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(tmp, "byhand.sh")
	if err := os.WriteFile(script, []byte("set -euo pipefail\n"+block), 0o644); err != nil {
		t.Fatal(err)
	}
	shell("README by hand", work, "bash", script)

	demoCountries, handCountries := packageDirs(t, filepath.Join(demoOut, "referrals")), packageDirs(t, filepath.Join(work, "referrals"))
	if len(demoCountries) == 0 || !slices.Contains(demoCountries, "GB") {
		t.Fatalf("make demo wrote packages %q; want GB among them", demoCountries)
	}
	if !slices.Equal(handCountries, demoCountries) {
		t.Errorf("by hand: packages %q; the demo writes %q", handCountries, demoCountries)
	}
	for _, cc := range demoCountries {
		demoPkg, handPkg := filepath.Join(demoOut, "referrals", cc), filepath.Join(work, "referrals", cc)
		want, got := treeFiles(t, demoPkg), treeFiles(t, handPkg)
		if missing, extra := listDiff(want, got); len(missing)+len(extra) > 0 {
			t.Errorf("by hand: package %s lacks %d file(s) of the demo's (%s) and has %d more (%s)",
				cc, len(missing), firstFew(missing), len(extra), firstFew(extra))
		}
		var pdfs, orders int
		for _, f := range got {
			pdfs += b2i(strings.HasPrefix(f, "evidence/") && strings.HasSuffix(f, ".pdf"))
			orders += b2i(strings.HasPrefix(f, "orders/"))
		}
		for _, f := range []string{"suspects.csv", "suspects.xlsx", "suspects.json", "manifest.json"} {
			if !slices.Contains(got, f) {
				t.Errorf("by hand: package %s has no %s", cc, f)
			}
		}
		if pdfs == 0 || orders == 0 {
			t.Errorf("by hand: package %s has %d evidence sheets and %d production orders", cc, pdfs, orders)
		}
		// Same world, same steps: the same suspects, byte for byte (the
		// JSON's header names the case and the time, which differ).
		a, _ := os.ReadFile(filepath.Join(demoPkg, "suspects.csv"))
		b, _ := os.ReadFile(filepath.Join(handPkg, "suspects.csv"))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("by hand: %s/suspects.csv differs from the demo's", cc)
		}
		if a, b := suspectsOf(t, filepath.Join(demoPkg, "suspects.json")), suspectsOf(t, filepath.Join(handPkg, "suspects.json")); !bytes.Equal(a, b) {
			t.Errorf("by hand: the suspects of %s/suspects.json differ from the demo's", cc)
		}
	}
	for _, f := range []string{"summary.html", "summary.pdf", "manifest.json"} {
		for _, dir := range []string{filepath.Join(demoOut, "summary"), filepath.Join(work, "summary")} {
			if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
				t.Errorf("%s: no %s (%v)", dir, f, err)
			}
		}
	}
	// The case the README builds verifies, whatever the README's last lines say.
	for _, verify := range [][]string{{"audit", "verify"}, {"evidence", "verify"}} {
		shell("coinsift "+strings.Join(verify, " "), work, append([]string{filepath.Join(binDir, "coinsift"), "--case", "elaborate"}, verify...)...)
	}
}

// suspectsOf returns the suspects array of a package's suspects.json.
func suspectsOf(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Suspects json.RawMessage `json:"suspects"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc.Suspects
}

// listDiff returns the elements of the sorted list want missing from the
// sorted list got, and those of got not in want.
func listDiff(want, got []string) (missing, extra []string) {
	for _, w := range want {
		if _, ok := slices.BinarySearch(got, w); !ok {
			missing = append(missing, w)
		}
	}
	for _, g := range got {
		if _, ok := slices.BinarySearch(want, g); !ok {
			extra = append(extra, g)
		}
	}
	return missing, extra
}

// firstFew names at most three elements of list.
func firstFew(list []string) string {
	if len(list) > 3 {
		return strings.Join(list[:3], ", ") + ", …"
	}
	return strings.Join(list, ", ")
}

// packageDirs lists the country packages under dir.
func packageDirs(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// treeFiles lists the files under dir, as sorted slash-separated paths.
func treeFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestListDiff(t *testing.T) {
	missing, extra := listDiff([]string{"a", "b", "d"}, []string{"b", "c", "d", "e"})
	if !slices.Equal(missing, []string{"a"}) || !slices.Equal(extra, []string{"c", "e"}) {
		t.Errorf("listDiff = %q, %q; want [a], [c e]", missing, extra)
	}
	if got := firstFew([]string{"a", "b", "c", "d"}); got != "a, b, c, …" {
		t.Errorf("firstFew = %q", got)
	}
}
