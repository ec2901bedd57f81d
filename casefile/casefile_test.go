package casefile_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
)

var t0 = time.Date(2022, 11, 24, 9, 0, 0, 0, time.UTC)

func clock() func() time.Time {
	t := t0
	return func() time.Time { t = t.Add(time.Second); return t }
}

// MustInit creates a case in a temporary directory and returns it open.
func MustInit(tb testing.TB) *casefile.Case {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "case")
	c, err := casefile.Init(context.Background(), dir, casefile.InitOptions{Name: "test", Options: casefile.Options{Now: clock(), Version: "test"}})
	if err != nil {
		tb.Fatalf("Init: %v", err)
	}
	tb.Cleanup(func() { c.Close() })
	return c
}

func writeFile(tb testing.TB, path, content string) string {
	tb.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func TestInitRefusesToOverwrite(t *testing.T) {
	c := MustInit(t)
	dir := c.Dir()
	c.Close()
	_, err := casefile.Init(context.Background(), dir, casefile.InitOptions{})
	if !errors.Is(err, coinsift.ErrExists) {
		t.Fatalf("Init(existing case) = %v; want ErrExists", err)
	}
	other := t.TempDir()
	writeFile(t, filepath.Join(other, "notes.txt"), "x")
	if _, err := casefile.Init(context.Background(), other, casefile.InitOptions{}); !errors.Is(err, coinsift.ErrExists) {
		t.Fatalf("Init(non-empty dir) = %v; want ErrExists", err)
	}
	if _, err := os.Stat(filepath.Join(other, casefile.DBFile)); !os.IsNotExist(err) {
		t.Fatalf("Init(non-empty dir) wrote %s", casefile.DBFile)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	notCase := t.TempDir()
	if _, err := casefile.Open(ctx, notCase, casefile.Options{}); !errors.Is(err, coinsift.ErrNotFound) || !strings.Contains(err.Error(), "not a case directory") {
		t.Errorf("Open(empty dir) = %v; want not a case directory", err)
	}

	c := MustInit(t)
	dir := c.Dir()
	c.Close()
	writeFile(t, filepath.Join(dir, casefile.DBFile), strings.Repeat("garbage!", 1000))
	_, err := casefile.Open(ctx, dir, casefile.Options{})
	if err == nil || !strings.Contains(err.Error(), casefile.DBFile) {
		t.Errorf("Open(corrupt duckdb) = %v; want an error naming %s", err, casefile.DBFile)
	}

	c2 := MustInit(t)
	dir2 := c2.Dir()
	c2.Close()
	writeFile(t, filepath.Join(dir2, casefile.ConfigFile), "format = [")
	if _, err := casefile.Open(ctx, dir2, casefile.Options{}); !errors.Is(err, coinsift.ErrCorrupt) {
		t.Errorf("Open(corrupt case.toml) = %v; want ErrCorrupt", err)
	}
}

func TestEvidence(t *testing.T) {
	ctx := context.Background()
	c := MustInit(t)
	dir := t.TempDir()
	a := writeFile(t, filepath.Join(dir, "a.sql"), "INSERT INTO t VALUES (1);\n")
	b := writeFile(t, filepath.Join(dir, "b.csv"), "x,y\n1,2\n")
	copyA := writeFile(t, filepath.Join(dir, "copy-of-a.sql"), "INSERT INTO t VALUES (1);\n")

	ev, added, err := c.AddEvidence(ctx, a, casefile.KindSeized, "item 1", nil)
	if err != nil || !added {
		t.Fatalf("AddEvidence(a) = %v, %v", added, err)
	}
	if ev.Size != 26 || len(ev.SHA256) != 64 || ev.ID != ev.SHA256[:16] || ev.Kind != "seized" || ev.Note != "item 1" {
		t.Errorf("AddEvidence(a) = %+v", ev)
	}
	if _, added, err := c.AddEvidence(ctx, copyA, "", "", nil); err != nil || added {
		t.Errorf("AddEvidence(same bytes, other path) added=%v err=%v; want reported, not added", added, err)
	}
	if _, added, err := c.AddEvidence(ctx, b, "", "", nil); err != nil || !added {
		t.Fatalf("AddEvidence(b) = %v, %v", added, err)
	}
	list, err := c.EvidenceList()
	if err != nil || len(list) != 2 {
		t.Fatalf("EvidenceList = %d, %v; want 2", len(list), err)
	}
	var n int
	if err := c.DB().QueryRow(`SELECT count(*) FROM evidence`).Scan(&n); err != nil || n != 2 {
		t.Errorf("evidence table has %d rows (%v); want 2", n, err)
	}

	// Change b, remove a: verify must say so, and re-adding b's path is an error.
	writeFile(t, b, "x,y\n1,3\n")
	os.Remove(a)
	checks, err := c.VerifyEvidence(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, ch := range checks {
		got[filepath.Base(ch.Path)] = ch.State
	}
	want := map[string]string{"a.sql": casefile.StateMissing, "b.csv": casefile.StateChanged}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("VerifyEvidence %s = %q; want %q", k, got[k], v)
		}
	}
	if _, _, err := c.AddEvidence(ctx, b, "", "", nil); !errors.Is(err, casefile.ErrPathChanged) {
		t.Errorf("AddEvidence(changed path) = %v; want ErrPathChanged", err)
	}
	if _, _, err := c.AddEvidence(ctx, filepath.Join(dir, "nope"), "", "", nil); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("AddEvidence(missing) = %v; want error naming the file", err)
	}
}

// auditLog builds a case with n audit lines and returns it with the log path.
func auditLog(t *testing.T, n int) (*casefile.Case, string) {
	t.Helper()
	c := MustInit(t)
	for i := 0; i < n; i++ {
		e := casefile.AuditEntry{Command: []string{"coinsift", "step", strconv.Itoa(i)}}
		e.Outputs.Tables = []casefile.AuditTable{{Name: "t", Rows: int64(i)}}
		if _, err := c.AppendAudit(context.Background(), e); err != nil {
			t.Fatalf("AppendAudit %d: %v", i, err)
		}
	}
	return c, c.Path(casefile.AuditLogFile)
}

func TestAuditVerify(t *testing.T) {
	tests := []struct {
		name     string
		tamper   func(lines [][]byte) [][]byte
		raw      func(b []byte) []byte // applied after tamper
		wantLine int
		wantText string
	}{
		{name: "intact", wantLine: 0},
		{name: "edited", tamper: func(l [][]byte) [][]byte {
			l[2] = bytes.Replace(l[2], []byte(`"rows":2`), []byte(`"rows":9`), 1)
			return l
		}, wantLine: 3, wantText: "edited"},
		{name: "edited and rehashed field order", tamper: func(l [][]byte) [][]byte {
			l[1] = bytes.Replace(l[1], []byte(`"user":`), []byte(`"user" :`), 1)
			return l
		}, wantLine: 2, wantText: "edited"},
		{name: "removed", tamper: func(l [][]byte) [][]byte {
			return append(l[:2:2], l[3:]...)
		}, wantLine: 3, wantText: "removed"},
		{name: "reordered", tamper: func(l [][]byte) [][]byte {
			l[1], l[2] = l[2], l[1]
			return l
		}, wantLine: 2, wantText: "removed"},
		{name: "repeated", tamper: func(l [][]byte) [][]byte {
			return append(l[:3:3], l[2:]...)
		}, wantLine: 4, wantText: "reordered or repeated"},
		{name: "last line removed", tamper: func(l [][]byte) [][]byte {
			return l[:len(l)-1]
		}, wantLine: 5, wantText: "removed from the end"},
		{name: "truncated", raw: func(b []byte) []byte { return b[:len(b)-20] }, wantLine: 5, wantText: "truncated"},
		{name: "unknown field added", tamper: func(l [][]byte) [][]byte {
			l[0] = bytes.Replace(l[0], []byte(`{"seq"`), []byte(`{"x":1,"seq"`), 1)
			return l
		}, wantLine: 1, wantText: "not a valid audit entry"},
		{name: "appended out of chain", tamper: func(l [][]byte) [][]byte {
			forged := bytes.Replace(l[4], []byte(`"seq":5`), []byte(`"seq":6`), 1)
			return append(l, forged)
		}, wantLine: 6, wantText: "edited"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, path := auditLog(t, 5)
			b, _ := os.ReadFile(path)
			lines := bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n"))
			if tt.tamper != nil {
				lines = tt.tamper(lines)
			}
			out := append(bytes.Join(lines, []byte("\n")), '\n')
			if tt.raw != nil {
				out = tt.raw(out)
			}
			os.WriteFile(path, out, 0o644)
			head, err := c.AuditHead(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			_, prob, err := casefile.VerifyAudit(path, &head)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantLine == 0 {
				if prob != nil {
					t.Fatalf("VerifyAudit = %v; want ok", prob)
				}
				return
			}
			if prob == nil {
				t.Fatalf("VerifyAudit = ok; want a problem at line %d", tt.wantLine)
			}
			if prob.Line != tt.wantLine || !strings.Contains(prob.Reason, tt.wantText) {
				t.Errorf("VerifyAudit = line %d %q; want line %d containing %q", prob.Line, prob.Reason, tt.wantLine, tt.wantText)
			}
			if !errors.Is(prob, coinsift.ErrCorrupt) {
				t.Errorf("problem is not ErrCorrupt")
			}
			// A tampered log is never extended.
			if tt.name != "appended out of chain" {
				if _, err := c.AppendAudit(context.Background(), casefile.AuditEntry{Command: []string{"x"}}); err == nil {
					t.Errorf("AppendAudit on a tampered log succeeded")
				}
			}
		})
	}
}

func TestAuditInterruptedHead(t *testing.T) {
	// A command that appended its line but died before recording the head
	// leaves a log one line ahead: that verifies, and the next append adopts it.
	c, path := auditLog(t, 2)
	head, _ := c.AuditHead(context.Background())
	if _, err := c.AppendAudit(context.Background(), casefile.AuditEntry{Command: []string{"third"}}); err != nil {
		t.Fatal(err)
	}
	if _, prob, _ := casefile.VerifyAudit(path, &head); prob != nil {
		t.Fatalf("VerifyAudit with head one behind = %v; want ok", prob)
	}
}

func TestQuarantine(t *testing.T) {
	c := MustInit(t)
	big := bytes.Repeat([]byte("x"), 10000)
	err := c.Quarantine(context.Background(), []casefile.QuarantineItem{
		{Command: "seized load", Source: "dump.sql", Table: "users", Row: 7, Offset: 1234, Reason: "unterminated string", Raw: big},
		{Command: "chain import", Source: "blk00000.dat", Offset: -1, Reason: "bad magic"},
	})
	if err != nil {
		t.Fatal(err)
	}
	var n, size, rawLen int64
	var off *int64
	row := c.DB().QueryRow(`SELECT count(*) OVER (), raw_size, octet_length(raw), byte_offset FROM quarantine ORDER BY id LIMIT 1`)
	if err := row.Scan(&n, &size, &rawLen, &off); err != nil {
		t.Fatal(err)
	}
	if n != 2 || size != 10000 || rawLen != casefile.MaxQuarantineRaw || off == nil || *off != 1234 {
		t.Errorf("quarantine row = n %d size %d raw %d off %v", n, size, rawLen, off)
	}
}

func TestLock(t *testing.T) {
	c := MustInit(t)
	dir := c.Dir()
	ctx := context.Background()
	// While c holds the case for writing, nobody else may open it at all.
	if _, err := casefile.Open(ctx, dir, casefile.Options{}); !errors.Is(err, coinsift.ErrInUse) {
		t.Fatalf("second writer: %v; want ErrInUse", err)
	}
	if _, err := casefile.Open(ctx, dir, casefile.Options{ReadOnly: true}); !errors.Is(err, coinsift.ErrInUse) {
		t.Fatalf("reader during write: %v; want ErrInUse", err)
	}
	c.Close()
	r1, err := casefile.Open(ctx, dir, casefile.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("reader: %v", err)
	}
	defer r1.Close()
	if _, err := casefile.Open(ctx, dir, casefile.Options{}); !errors.Is(err, coinsift.ErrInUse) {
		t.Fatalf("writer during read: %v; want ErrInUse", err)
	}
}

// TestLockOtherProcess holds the lock in a child process and checks that the
// error names its PID.
func TestLockOtherProcess(t *testing.T) {
	if dir := os.Getenv("COINSIFT_TEST_HOLD_CASE"); dir != "" {
		c, err := casefile.Open(context.Background(), dir, casefile.Options{})
		if err != nil {
			os.Stdout.WriteString("ERR " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Stdout.WriteString("HELD\n")
		time.Sleep(20 * time.Second)
		c.Close()
		os.Exit(0)
	}
	c := MustInit(t)
	dir := c.Dir()
	c.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockOtherProcess$")
	cmd.Env = append(os.Environ(), "COINSIFT_TEST_HOLD_CASE="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	buf := make([]byte, 64)
	n, _ := out.Read(buf)
	if !strings.HasPrefix(string(buf[:n]), "HELD") {
		t.Fatalf("child: %q", buf[:n])
	}
	_, err = casefile.Open(context.Background(), dir, casefile.Options{})
	want := "case is in use by PID " + strconv.Itoa(cmd.Process.Pid)
	if !errors.Is(err, coinsift.ErrInUse) || !strings.Contains(err.Error(), want) {
		t.Fatalf("Open while child holds it = %v; want %q", err, want)
	}
	// A killed holder releases the lock.
	cmd.Process.Kill()
	cmd.Wait()
	c2, err := casefile.Open(context.Background(), dir, casefile.Options{})
	if err != nil {
		t.Fatalf("Open after holder died: %v", err)
	}
	c2.Close()
}

func TestEvidenceMirrorRepaired(t *testing.T) {
	// A crash between evidence.jsonl and the table leaves the table short;
	// the next Open repairs it from the record.
	ctx := context.Background()
	c := MustInit(t)
	f := writeFile(t, filepath.Join(t.TempDir(), "x.csv"), "a\n1\n")
	if _, _, err := c.AddEvidence(ctx, f, "", "", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DB().Exec(`DELETE FROM evidence`); err != nil {
		t.Fatal(err)
	}
	dir := c.Dir()
	c.Close()
	c2, err := casefile.Open(ctx, dir, casefile.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	var n int
	if err := c2.DB().QueryRow(`SELECT count(*) FROM evidence`).Scan(&n); err != nil || n != 1 {
		t.Errorf("evidence rows after reopen = %d (%v); want 1", n, err)
	}
}

// TestBorrowConcurrent: borrowed handles append audit lines and evidence
// at the same time without breaking the chain, and their Close leaves the
// case open.
func TestBorrowConcurrent(t *testing.T) {
	c := MustInit(t)
	dir := t.TempDir()
	done := make(chan error)
	const n = 8
	for i := range n {
		go func() {
			b := c.Borrow()
			defer b.Close()
			p := writeFile(t, filepath.Join(dir, "f"+strconv.Itoa(i)), strings.Repeat("x", i+1))
			if _, _, err := b.AddEvidence(context.Background(), p, casefile.KindOther, "", nil); err != nil {
				done <- err
				return
			}
			_, err := b.AppendAudit(context.Background(), casefile.AuditEntry{Command: []string{"coinsift", "step", strconv.Itoa(i)}})
			done <- err
		}()
	}
	for range n {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	if _, prob, err := casefile.VerifyAudit(c.Path(casefile.AuditLogFile), nil); err != nil || prob != nil {
		t.Errorf("VerifyAudit: %v %v", err, prob)
	}
	entries, err := casefile.ReadAudit(c.Path(casefile.AuditLogFile))
	if err != nil || len(entries) != n {
		t.Errorf("audit lines = %d (%v), want %d", len(entries), err, n)
	}
	list, err := c.EvidenceList()
	if err != nil || len(list) != n {
		t.Errorf("evidence = %d (%v), want %d", len(list), err, n)
	}
	if err := c.DB().Ping(); err != nil {
		t.Errorf("case closed by a borrowed handle: %v", err)
	}
}

// TestHashFile checks the read-ahead hash at buffer boundaries.
func TestHashFile(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 4<<20 - 1, 4 << 20, 4<<20 + 1, 17<<20 + 3} {
		b := bytes.Repeat([]byte("coinsift"), n/8+1)[:n]
		p := filepath.Join(dir, strconv.Itoa(n))
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		sum, size, err := casefile.HashFile(context.Background(), p, nil)
		want := sha256.Sum256(b)
		if err != nil || size != int64(n) || sum != hex.EncodeToString(want[:]) {
			t.Errorf("HashFile(%d bytes) = %s, %d, %v; want %x, %d", n, sum, size, err, want, n)
		}
	}
}
