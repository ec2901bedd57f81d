package casefile

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	coinsift "github.com/coinsift/coinsift"
)

// Evidence is one registered evidence file.
type Evidence struct {
	ID      string    `json:"id"` // first 16 hex digits of SHA256
	Path    string    `json:"path"`
	Size    int64     `json:"size"`
	SHA256  string    `json:"sha256"`
	Kind    string    `json:"kind"`
	AddedAt time.Time `json:"added_at"`
	Note    string    `json:"note,omitempty"`
}

// Evidence kinds coinsift knows; any other non-empty word is accepted too.
const (
	KindOther     = "other"
	KindSeized    = "seized"
	KindBlocks    = "blocks"
	KindPrices    = "prices"
	KindTags      = "tags"
	KindTruth     = "truth"
	KindDirectory = "directory"
)

// ErrPathChanged reports that a registered path now holds different bytes.
var ErrPathChanged = errors.New("casefile: evidence path registered with a different hash")

// HashFile streams the SHA-256 of path, reporting bytes to p.
func HashFile(ctx context.Context, path string, p coinsift.Progress) (sum string, size int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, fmt.Errorf("hash %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", 0, fmt.Errorf("hash %s: %w", path, err)
	}
	if st.IsDir() {
		return "", 0, fmt.Errorf("hash %s: is a directory: %w", path, coinsift.ErrInvalid)
	}
	if p == nil {
		p = coinsift.NopProgress{}
	}
	p.SetTotal(st.Size())
	defer p.Done()
	// A goroutine reads ahead while the hash runs, so that reading from
	// disk and hashing overlap (each alone takes about 7 s for 10 GB here).
	type chunk struct {
		b   []byte
		err error
	}
	const nbuf, bufSize = 4, 4 << 20
	free, full := make(chan []byte, nbuf), make(chan chunk, nbuf)
	for range nbuf {
		free <- make([]byte, bufSize)
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(full)
		for {
			var b []byte
			select {
			case b = <-free:
			case <-stop:
				return
			}
			n, err := io.ReadFull(f, b)
			if err == io.ErrUnexpectedEOF {
				err = io.EOF
			}
			select {
			case full <- chunk{b[:n], err}:
			case <-stop:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	h := sha256.New()
	for c := range full {
		if err := ctx.Err(); err != nil {
			return "", 0, fmt.Errorf("hash %s: %w", path, err)
		}
		h.Write(c.b)
		size += int64(len(c.b))
		p.Add(int64(len(c.b)))
		if c.err == io.EOF {
			break
		}
		if c.err != nil {
			return "", 0, fmt.Errorf("hash %s: offset %d: %w", path, size, c.err)
		}
		free <- c.b[:cap(c.b)]
	}
	return hex.EncodeToString(h.Sum(nil)), size, nil
}

// EvidenceList reads evidence.jsonl.
func (c *Case) EvidenceList() ([]Evidence, error) {
	return readEvidence(c.Path(EvidenceFile))
}

func readEvidence(path string) ([]Evidence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read evidence: %w", err)
	}
	defer f.Close()
	var out []Evidence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var e Evidence
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("read %s: line %d: %v: %w", path, line, err, coinsift.ErrCorrupt)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: line %d: %w", path, line+1, err)
	}
	return out, nil
}

// EvidenceByID returns the evidence with the given id (or unique id prefix).
func (c *Case) EvidenceByID(id string) (Evidence, error) {
	list, err := c.EvidenceList()
	if err != nil {
		return Evidence{}, err
	}
	for _, e := range list {
		if e.ID == id {
			return e, nil
		}
	}
	return Evidence{}, fmt.Errorf("evidence %q: %w", id, coinsift.ErrNotFound)
}

// AddEvidence hashes path and registers it with kind and note. A file whose
// hash is already registered is not added again: the existing record is
// returned with added=false. A registered path whose bytes changed is an
// error wrapping ErrPathChanged.
func (c *Case) AddEvidence(ctx context.Context, path, kind, note string, p coinsift.Progress) (ev Evidence, added bool, err error) {
	ev, existing, err := c.PrepareEvidence(ctx, path, kind, note, p)
	if err != nil || existing {
		return ev, false, err
	}
	return c.RegisterEvidence(ctx, ev)
}

// PrepareEvidence hashes path and returns the record AddEvidence would
// register, without registering it; existing reports that its hash is
// registered already (ev is then that record). A command whose work on the
// file may refuse it prepares the record, does the work, and registers the
// record with RegisterEvidence only when the work succeeded: a file that was
// refused is never kept as evidence.
func (c *Case) PrepareEvidence(ctx context.Context, path, kind, note string, p coinsift.Progress) (ev Evidence, existing bool, err error) {
	if c.opts.ReadOnly {
		return Evidence{}, false, fmt.Errorf("add evidence: case is open read-only: %w", coinsift.ErrInvalid)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return Evidence{}, false, fmt.Errorf("add evidence %s: %w", path, err)
	}
	if kind == "" {
		kind = KindOther
	}
	sum, size, err := HashFile(ctx, abs, p)
	if err != nil {
		return Evidence{}, false, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, found, err := c.lookupEvidence(abs, sum); err != nil || found {
		return e, found, err
	}
	return Evidence{
		ID: sum[:16], Path: abs, Size: size, SHA256: sum, Kind: kind,
		AddedAt: c.Now().Truncate(time.Millisecond), Note: note,
	}, false, nil
}

// RegisterEvidence registers ev, prepared by PrepareEvidence. Evidence
// with ev's hash registered meanwhile is returned with added=false.
func (c *Case) RegisterEvidence(ctx context.Context, ev Evidence) (_ Evidence, added bool, err error) {
	if c.opts.ReadOnly {
		return Evidence{}, false, fmt.Errorf("add evidence: case is open read-only: %w", coinsift.ErrInvalid)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, found, err := c.lookupEvidence(ev.Path, ev.SHA256); err != nil || found {
		return e, false, err
	}
	// evidence.jsonl is the record; the table is a mirror that syncEvidence
	// repairs if a crash falls between the two writes.
	if err := appendJSONLine(c.Path(EvidenceFile), ev); err != nil {
		return Evidence{}, false, fmt.Errorf("add evidence %s: %w", ev.Path, err)
	}
	if err := c.mirrorEvidence(ctx, ev); err != nil {
		return Evidence{}, false, fmt.Errorf("add evidence %s: %w", ev.Path, err)
	}
	return ev, true, nil
}

// lookupEvidence returns the registered evidence with hash sum, or an error
// wrapping ErrPathChanged when abs is registered with another hash. The
// caller holds c.mu.
func (c *Case) lookupEvidence(abs, sum string) (Evidence, bool, error) {
	list, err := c.EvidenceList()
	if err != nil {
		return Evidence{}, false, err
	}
	for _, e := range list {
		if e.SHA256 == sum {
			return e, true, nil
		}
	}
	for _, e := range list {
		if e.Path == abs {
			return Evidence{}, false, fmt.Errorf("add evidence %s: registered as %s with sha256 %s, now %s: %w", abs, e.ID, e.SHA256, sum, ErrPathChanged)
		}
	}
	return Evidence{}, false, nil
}

func (c *Case) mirrorEvidence(ctx context.Context, ev Evidence) error {
	_, err := c.db.ExecContext(ctx, `INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		ev.ID, ev.Path, ev.Size, ev.SHA256, ev.Kind, ev.AddedAt, ev.Note)
	return err
}

// syncEvidence copies into the evidence table any record of evidence.jsonl
// that it lacks.
func (c *Case) syncEvidence(ctx context.Context) error {
	list, err := c.EvidenceList()
	if err != nil {
		return err
	}
	var n int
	if err := c.db.QueryRowContext(ctx, `SELECT count(*) FROM evidence`).Scan(&n); err != nil {
		return fmt.Errorf("sync evidence: %w", err)
	}
	if n == len(list) {
		return nil
	}
	for _, ev := range list {
		if err := c.mirrorEvidence(ctx, ev); err != nil {
			return fmt.Errorf("sync evidence %s: %w", ev.ID, err)
		}
	}
	return nil
}

// Evidence check states.
const (
	StateOK      = "ok"
	StateChanged = "changed"
	StateMissing = "missing"
)

// EvidenceCheck is the result of re-hashing one evidence file.
type EvidenceCheck struct {
	Evidence
	State  string `json:"state"`
	Actual string `json:"actual_sha256,omitempty"`
	Error  string `json:"error,omitempty"`
}

// VerifyEvidence re-hashes every registered file. progress is called per
// file with its path.
func (c *Case) VerifyEvidence(ctx context.Context, progress func(path string) coinsift.Progress) ([]EvidenceCheck, error) {
	list, err := c.EvidenceList()
	if err != nil {
		return nil, err
	}
	out := make([]EvidenceCheck, 0, len(list))
	for _, e := range list {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		var p coinsift.Progress = coinsift.NopProgress{}
		if progress != nil {
			p = progress(e.Path)
		}
		chk := EvidenceCheck{Evidence: e, State: StateOK}
		sum, _, err := HashFile(ctx, e.Path, p)
		switch {
		case errors.Is(err, os.ErrNotExist):
			chk.State = StateMissing
		case err != nil:
			if ctx.Err() != nil {
				return out, ctx.Err()
			}
			chk.State, chk.Error = StateMissing, err.Error()
		case sum != e.SHA256:
			chk.State, chk.Actual = StateChanged, sum
		}
		out = append(out, chk)
	}
	return out, nil
}

// appendJSONLine appends v as one JSON line and syncs the file.
func appendJSONLine(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return appendLine(path, b)
}

func appendLine(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
