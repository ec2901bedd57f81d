package casefile

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"time"

	coinsift "github.com/coinsift/coinsift"
)

// AuditEntry is one line of audit.jsonl: one command that changed the case.
// Its JSON encoding, with fields in this order and Hash last, is canonical:
// Hash is the SHA-256 of the line without its hash field.
type AuditEntry struct {
	Seq      int64        `json:"seq"`
	Time     time.Time    `json:"time"`
	User     string       `json:"user"`
	Host     string       `json:"host"`
	Version  string       `json:"version"`
	Command  []string     `json:"command"`
	Status   string       `json:"status"`
	Inputs   []AuditInput `json:"inputs"`
	Outputs  AuditOutputs `json:"outputs"`
	Note     string       `json:"note,omitempty"`
	PrevHash string       `json:"prev_hash"`
	Hash     string       `json:"hash,omitempty"`
}

// AuditInput names an evidence file a command read.
type AuditInput struct {
	Evidence string `json:"evidence"`
	SHA256   string `json:"sha256"`
	Path     string `json:"path,omitempty"`
}

// AuditOutputs lists what a command wrote.
type AuditOutputs struct {
	Tables []AuditTable `json:"tables"`
	Files  []AuditFile  `json:"files"`
}

// AuditTable is a table a command wrote, with the rows it wrote.
type AuditTable struct {
	Name string `json:"name"`
	Rows int64  `json:"rows"`
}

// AuditFile is a file a command wrote, with its hash.
type AuditFile struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Audit statuses.
const (
	StatusOK          = "ok"
	StatusQuarantined = "quarantined"
	StatusInterrupted = "interrupted"
	StatusFailed      = "failed"
)

// canonical returns the entry's canonical encoding without its hash and the
// hash over it.
func (e AuditEntry) canonical() (body []byte, hash string, err error) {
	e.Hash = ""
	if e.Inputs == nil {
		e.Inputs = []AuditInput{}
	}
	if e.Outputs.Tables == nil {
		e.Outputs.Tables = []AuditTable{}
	}
	if e.Outputs.Files == nil {
		e.Outputs.Files = []AuditFile{}
	}
	body, err = json.Marshal(e)
	if err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(body)
	return body, hex.EncodeToString(sum[:]), nil
}

// line returns the full canonical line, hash included.
func (e AuditEntry) line() ([]byte, string, error) {
	body, hash, err := e.canonical()
	if err != nil {
		return nil, "", err
	}
	l := append(body[:len(body)-1:len(body)-1], []byte(`,"hash":"`+hash+`"}`)...)
	return l, hash, nil
}

// AppendAudit appends e to the audit log, filling seq, time, user, host,
// version and prev_hash, and mirrors the new head in case.duckdb. It refuses
// to extend a log whose last line does not match the recorded head.
func (c *Case) AppendAudit(ctx context.Context, e AuditEntry) (AuditEntry, error) {
	if c.opts.ReadOnly {
		return e, fmt.Errorf("append audit: case is open read-only: %w", coinsift.ErrInvalid)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	path := c.Path(AuditLogFile)
	head, err := c.auditHead(ctx)
	if err != nil {
		return e, err
	}
	// The whole chain is checked before it is extended: a tampered log is
	// never continued. Logs are small (one line per command).
	if _, prob, err := VerifyAudit(path, &head); err != nil {
		return e, fmt.Errorf("append audit: %w", err)
	} else if prob != nil {
		return e, fmt.Errorf("append audit: %s: %w (run 'coinsift audit verify')", path, prob)
	}
	entries, err := ReadAudit(path)
	if err != nil {
		return e, fmt.Errorf("append audit: %w", err)
	}
	var last AuditEntry
	if len(entries) > 0 {
		last = entries[len(entries)-1]
	}
	e.Seq = last.Seq + 1
	e.PrevHash = last.Hash
	if e.Time.IsZero() {
		e.Time = c.Now()
	}
	e.Time = e.Time.UTC()
	if e.User == "" {
		e.User = osUser()
	}
	if e.Host == "" {
		e.Host, _ = os.Hostname()
	}
	if e.Version == "" {
		e.Version = c.opts.Version
	}
	if e.Status == "" {
		e.Status = StatusOK
	}
	l, hash, err := e.line()
	if err != nil {
		return e, fmt.Errorf("append audit: %w", err)
	}
	e.Hash = hash
	if err := appendLine(path, l); err != nil {
		return e, fmt.Errorf("append audit: %w", err)
	}
	if err := c.setAuditHead(ctx, e.Seq, hash); err != nil {
		return e, err
	}
	return e, nil
}

// AuditHead is the last seq and hash of the audit chain as case.duckdb records it.
type AuditHead struct {
	Seq  int64  `json:"seq"`
	Hash string `json:"hash"`
}

func (c *Case) auditHead(ctx context.Context) (AuditHead, error) {
	var h AuditHead
	err := c.db.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head`).Scan(&h.Seq, &h.Hash)
	if errors.Is(err, sql.ErrNoRows) {
		return AuditHead{}, nil
	}
	if err != nil {
		return h, fmt.Errorf("read audit head: %w", err)
	}
	return h, nil
}

// AuditHead returns the head recorded in case.duckdb.
func (c *Case) AuditHead(ctx context.Context) (AuditHead, error) { return c.auditHead(ctx) }

func (c *Case) setAuditHead(ctx context.Context, seq int64, hash string) error {
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record audit head: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM audit_head`); err != nil {
		tx.Rollback()
		return fmt.Errorf("record audit head: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit_head VALUES (?, ?)`, seq, hash); err != nil {
		tx.Rollback()
		return fmt.Errorf("record audit head: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record audit head: %w", err)
	}
	return nil
}

func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if v := os.Getenv("USER"); v != "" {
		return v
	}
	return "unknown"
}

// ReadAudit parses audit.jsonl without checking the chain. A line that is
// not valid JSON is an error naming it.
func ReadAudit(path string) ([]AuditEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	defer f.Close()
	var out []AuditEntry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		var e AuditEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("read %s: line %d is not a JSON object (truncated or edited): %w", path, n, coinsift.ErrCorrupt)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: line %d: %w", path, n+1, err)
	}
	return out, nil
}

// AuditProblem describes the first line of an audit log that breaks the chain.
type AuditProblem struct {
	Line   int    `json:"line"` // 1-based; 0 for a problem with the log as a whole
	Seq    int64  `json:"seq,omitempty"`
	Reason string `json:"reason"`
}

func (p *AuditProblem) Error() string {
	if p.Line == 0 {
		return p.Reason
	}
	return fmt.Sprintf("line %d: %s", p.Line, p.Reason)
}

// Is reports that an AuditProblem is of kind coinsift.ErrCorrupt.
func (p *AuditProblem) Is(target error) bool { return target == coinsift.ErrCorrupt }

// VerifyAudit checks the audit log at path line by line: each line must be
// canonical JSON whose hash matches its content, whose seq follows the
// previous one and whose prev_hash is the previous line's hash. When head is
// not nil, the log must end at head (or one line past it, when a command was
// interrupted between appending its line and recording the head). It returns
// the number of good lines and the first problem, or nil.
func VerifyAudit(path string, head *AuditHead) (int, *AuditProblem, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, nil, fmt.Errorf("verify audit log: %w", err)
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		// A final line without its newline was cut short by a crash or an edit.
		n := bytes.Count(b, []byte{'\n'}) + 1
		if good, p := verifyLines(b[:bytes.LastIndexByte(b, '\n')+1]); p != nil {
			return good, p, nil
		}
		return n - 1, &AuditProblem{Line: n, Reason: "truncated: the last line does not end with a newline"}, nil
	}
	good, p := verifyLines(b)
	if p != nil {
		return good, p, nil
	}
	if head != nil {
		var last AuditEntry
		if good > 0 {
			lines := bytes.Split(bytes.TrimSuffix(b, []byte{'\n'}), []byte{'\n'})
			json.Unmarshal(lines[len(lines)-1], &last)
		}
		switch {
		case last.Seq == head.Seq && last.Hash == head.Hash:
		case last.Seq == head.Seq+1 && last.PrevHash == head.Hash:
		case last.Seq < head.Seq:
			return good, &AuditProblem{Line: good + 1, Seq: last.Seq + 1,
				Reason: fmt.Sprintf("lines removed from the end: the log ends at seq %d but the case records seq %d", last.Seq, head.Seq)}, nil
		default:
			return good, &AuditProblem{Line: good, Seq: last.Seq,
				Reason: fmt.Sprintf("the log ends at seq %d (hash %.12s) but the case records seq %d (hash %.12s)", last.Seq, last.Hash, head.Seq, head.Hash)}, nil
		}
	}
	return good, nil, nil
}

func verifyLines(b []byte) (int, *AuditProblem) {
	var prev AuditEntry
	n := 0
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		raw := b[:i]
		b = b[i+1:]
		n++
		var e AuditEntry
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return n - 1, &AuditProblem{Line: n, Reason: "not a valid audit entry (edited or truncated): " + err.Error()}
		}
		want, hash, err := e.line()
		if err != nil {
			return n - 1, &AuditProblem{Line: n, Seq: e.Seq, Reason: err.Error()}
		}
		if hash != e.Hash || !bytes.Equal(want, raw) {
			return n - 1, &AuditProblem{Line: n, Seq: e.Seq, Reason: "edited: its content does not match its hash"}
		}
		wantSeq := prev.Seq + 1
		switch {
		case e.Seq < wantSeq:
			return n - 1, &AuditProblem{Line: n, Seq: e.Seq, Reason: fmt.Sprintf("reordered or repeated: seq %d after seq %d", e.Seq, prev.Seq)}
		case e.Seq > wantSeq:
			return n - 1, &AuditProblem{Line: n, Seq: e.Seq, Reason: fmt.Sprintf("line(s) removed: seq %d follows seq %d", e.Seq, prev.Seq)}
		case e.PrevHash != prev.Hash:
			return n - 1, &AuditProblem{Line: n, Seq: e.Seq, Reason: "out of chain: prev_hash is not the hash of the line before"}
		}
		prev = e
	}
	return n, nil
}
