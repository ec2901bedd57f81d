package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	coinsift "github.com/coinsift/coinsift"
)

// cli runs one coinsift command line and returns stdout, stderr and the exit code.
func cli(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	code := reportError(err, args, &errb)
	return out.String(), errb.String(), code
}

func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, code := cli(t, args...)
	if code != 0 {
		t.Fatalf("coinsift %s: exit %d\nstderr: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

func newCase(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "case")
	mustCLI(t, "case", "init", dir, "--name", "test")
	return dir
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, 0},
		{errors.New("boom"), 1},
		{usagef("", "bad flag"), 2},
		{&cmdError{err: fmt.Errorf("load: %w", &coinsift.QuarantineError{Op: "load", Count: 3})}, 3},
		{fmt.Errorf("import: %w", context.Canceled), 130},
		{coinsift.ErrCanceled, 130},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d; want %d", tt.err, got, tt.want)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{
		{"nosuchcommand"},
		{"--nosuchflag"},
		{"evidence", "add"},
		{"case", "init"},
		{"sql"},
		{"sql", "--format", "xml", "select 1"},
		{"case", "init", "x", "--currency", "pounds"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			_, stderr, code := cli(t, args...)
			if code != exitUsage {
				t.Errorf("exit %d; want %d", code, exitUsage)
			}
			if !strings.HasPrefix(stderr, "coinsift: ") {
				t.Errorf("stderr = %q; want a 'coinsift: ' line", stderr)
			}
		})
	}
}

func TestHelpHasExitStatus(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"evidence", "add", "--help"}, {"audit", "verify", "--help"}, {"sql", "--help"}} {
		out := mustCLI(t, args...)
		if !strings.Contains(out, "EXIT STATUS") || !strings.Contains(out, "130") {
			t.Errorf("coinsift %s: no EXIT STATUS section", strings.Join(args, " "))
		}
	}
}

func TestNotACase(t *testing.T) {
	_, stderr, code := cli(t, "--case", t.TempDir(), "evidence", "list")
	if code != exitError || !strings.Contains(stderr, "not a case directory") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q; want one line saying not a case directory", code, stderr)
	}
}

func TestEvidenceAndAuditFlow(t *testing.T) {
	dir := newCase(t)
	ev := filepath.Join(t.TempDir(), "dump.sql")
	os.WriteFile(ev, []byte("CREATE TABLE t (a int);\n"), 0o644)

	out := mustCLI(t, "--case", dir, "evidence", "add", ev, "--kind", "seized")
	if !strings.HasPrefix(out, "added") {
		t.Errorf("evidence add: %q", out)
	}
	out = mustCLI(t, "--case", dir, "evidence", "add", ev)
	if !strings.HasPrefix(out, "already") {
		t.Errorf("evidence add again: %q", out)
	}
	mustCLI(t, "--case", dir, "evidence", "verify")
	mustCLI(t, "--case", dir, "audit", "verify")

	// Every command that prints results prints valid JSON with --json.
	for _, args := range [][]string{
		{"evidence", "list"}, {"evidence", "verify"}, {"audit", "show"}, {"audit", "verify"},
		{"case", "info"}, {"sql", "SELECT id, size, added_at FROM evidence"}, {"version"},
	} {
		out := mustCLI(t, append([]string{"--case", dir, "--json"}, args...)...)
		if !json.Valid([]byte(out)) {
			t.Errorf("coinsift --json %s: invalid JSON: %s", strings.Join(args, " "), out)
		}
	}

	var entries []map[string]any
	json.Unmarshal([]byte(mustCLI(t, "--case", dir, "--json", "audit", "show")), &entries)
	if len(entries) != 3 {
		t.Fatalf("audit has %d entries; want 3 (init, add, add)", len(entries))
	}
	cmd := entries[1]["command"].([]any)
	if cmd[1] != "--case" || cmd[4] != "add" {
		t.Errorf("audit command = %v", cmd)
	}
	inputs := entries[1]["inputs"].([]any)
	if len(inputs) != 1 || len(inputs[0].(map[string]any)["sha256"].(string)) != 64 {
		t.Errorf("audit inputs = %v", inputs)
	}

	// Tamper with the evidence: verify exits 1 and says changed.
	os.WriteFile(ev, []byte("DROP TABLE t;\n"), 0o644)
	out, stderr, code := cli(t, "--case", dir, "evidence", "verify")
	if code != exitError || !strings.Contains(out, "changed") || !strings.Contains(stderr, "changed or missing") {
		t.Errorf("verify after change: exit %d out %q err %q", code, out, stderr)
	}

	// Tamper with the audit log: verify names the line.
	log := filepath.Join(dir, "audit.jsonl")
	b, _ := os.ReadFile(log)
	os.WriteFile(log, bytes.Replace(b, []byte(`"user":"`), []byte(`"user":"x`), 1), 0o644)
	_, stderr, code = cli(t, "--case", dir, "audit", "verify")
	if code != exitError || !strings.Contains(stderr, "line 1: edited") {
		t.Errorf("audit verify after edit: exit %d err %q", code, stderr)
	}
	// And no command extends it.
	os.WriteFile(filepath.Join(t.TempDir(), "x"), nil, 0o644)
	_, stderr, code = cli(t, "--case", dir, "evidence", "add", log)
	if code != exitError || !strings.Contains(stderr, "audit") {
		t.Errorf("evidence add on tampered case: exit %d err %q", code, stderr)
	}
}

func TestSQLIsReadOnly(t *testing.T) {
	dir := newCase(t)
	for _, q := range []string{
		"CREATE TABLE x (a INT)",
		"DELETE FROM evidence",
		"COPY (SELECT 1) TO '" + filepath.Join(t.TempDir(), "leak.csv") + "'",
		"SELECT * FROM read_csv('/etc/hostname')",
		"ATTACH '" + filepath.Join(t.TempDir(), "other.db") + "'",
		"SET enable_external_access = true",
	} {
		_, stderr, code := cli(t, "--case", dir, "sql", q)
		if code != exitError {
			t.Errorf("sql %q: exit %d (%s); want 1", q, code, stderr)
		}
	}
}

func TestSQLFormats(t *testing.T) {
	dir := newCase(t)
	q := "SELECT '=cmd|calc' AS f, -1.5 AS n, NULL AS z, '\x1b[31mred' AS esc, 'x'::BLOB AS b"
	csvOut := mustCLI(t, "--case", dir, "sql", "--format", "csv", q)
	if want := "f,n,z,esc,b\n'=cmd|calc,-1.5,,\x1b[31mred,\\x78\n"; csvOut != want {
		t.Errorf("csv = %q; want %q", csvOut, want)
	}
	table := mustCLI(t, "--case", dir, "sql", q)
	if strings.Contains(table, "\x1b") || !strings.Contains(table, `\x1b[31mred`) || !strings.Contains(table, "NULL") {
		t.Errorf("table output not terminal-safe: %q", table)
	}
	var js struct {
		Columns []string         `json:"columns"`
		Rows    []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "--case", dir, "--json", "sql", q)), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Columns) != 5 || js.Rows[0]["f"] != "=cmd|calc" || js.Rows[0]["z"] != nil {
		t.Errorf("json = %+v", js)
	}
}

func TestCaseInUse(t *testing.T) {
	dir := newCase(t)
	// Hold the case the way a long import would.
	c, err := openForTest(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, stderr, code := cli(t, "--case", dir, "evidence", "list")
	if code != exitError || !strings.Contains(stderr, fmt.Sprintf("case is in use by PID %d", os.Getpid())) {
		t.Errorf("exit %d err %q; want in use by PID", code, stderr)
	}
}

func TestPrintfIsTerminalSafe(t *testing.T) {
	var out bytes.Buffer
	g := &globals{stdout: &out}
	g.printf("account %s: %d\n", "evil\x1b[2J\x1b]0;pwned\x07", 3)
	if strings.ContainsAny(out.String(), "\x1b\x07") || !strings.Contains(out.String(), `evil\x1b[2J`) {
		t.Errorf("printf = %q; control characters reached the terminal", out.String())
	}
}

func TestHumanMoney(t *testing.T) {
	tests := []struct {
		m    coinsift.Money
		want string
	}{
		{coinsift.Money{Minor: 459526071, Currency: "GBP"}, "£4,595,260.71"},
		{coinsift.Money{Minor: 5, Currency: "EUR"}, "€0.05"},
		{coinsift.Money{Minor: -100000, Currency: "USD"}, "-$1,000.00"},
		{coinsift.Money{Minor: 12345, Currency: "CHF"}, "CHF 123.45"},
	}
	for _, tt := range tests {
		if got := humanMoney(tt.m); got != tt.want {
			t.Errorf("humanMoney(%v) = %q; want %q", tt.m, got, tt.want)
		}
	}
}
