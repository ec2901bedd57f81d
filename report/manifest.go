package report

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
	"path"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/coinsift/coinsift"
)

// ManifestFormat identifies the manifest.json layout (docs/format/report.md).
const ManifestFormat = "coinsift-report/1"

// Manifest describes one written package: every file with its size and
// SHA-256, and the audit-log lines that produced the data. It is written
// as manifest.json next to the files it lists and does not list itself.
type Manifest struct {
	Format    string           `json:"format"` // ManifestFormat
	Kind      string           `json:"kind"`   // "referral" or "summary"
	Case      string           `json:"case"`
	Country   coinsift.Country `json:"country,omitempty"` // referral packages only
	Agency    string           `json:"agency,omitempty"`
	Generated time.Time        `json:"generated"` // Case.Generated
	Tool      string           `json:"tool"`      // "coinsift v0.4.0"
	Rule      string           `json:"rule"`
	RuleName  string           `json:"rule_name"`
	Redacted  []string         `json:"redacted,omitempty"` // Redaction.Fields, sorted
	Audit     []AuditLine      `json:"audit"`
	Files     []File           `json:"files"` // sorted by Path
}

// File is one file of a package.
type File struct {
	Path   string `json:"path"` // slash-separated, relative to the manifest's directory
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"` // hex
}

// pkgWriter writes a package into a temporary sibling directory and renames
// it into place when complete, so that a package directory is either
// absent or whole. Its write and stream methods may be called from several
// goroutines at once.
type pkgWriter struct {
	final, tmp string
	mu         sync.Mutex // guards files and dirs
	files      []File
	dirs       map[string]bool // directories made
}

func newPkgWriter(final string) (*pkgWriter, error) {
	if _, err := os.Lstat(final); err == nil {
		return nil, fmt.Errorf("%s: %w", final, coinsift.ErrExists)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(final)+".partial-")
	if err != nil {
		return nil, err
	}
	return &pkgWriter{final: final, tmp: tmp}, nil
}

// write writes the package file rel: one write, its hash taken from data
// (a package has tens of thousands of small evidence sheets; a buffered
// writer for each cost a 64 KB buffer apiece).
func (w *pkgWriter) write(rel string, data []byte) (err error) {
	f, err := w.create(rel)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	w.add(File{Path: path.Clean(rel), Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])})
	return nil
}

// create creates the package file rel, and its directory the first time.
func (w *pkgWriter) create(rel string) (*os.File, error) {
	p := filepath.Join(w.tmp, filepath.FromSlash(rel))
	dir := filepath.Dir(p)
	w.mu.Lock()
	made := w.dirs[dir]
	w.mu.Unlock()
	if !made {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		w.mu.Lock()
		if w.dirs == nil {
			w.dirs = map[string]bool{}
		}
		w.dirs[dir] = true
		w.mu.Unlock()
	}
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}

func (w *pkgWriter) add(f File) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.files = append(w.files, f)
}

// stream writes the package file rel with what fn writes to out, hashing
// it on the way, for files too large to build in memory first.
func (w *pkgWriter) stream(rel string, fn func(out io.Writer) error) (err error) {
	f, err := w.create(rel)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	h := sha256.New()
	cw := &countWriter{w: io.MultiWriter(f, h)}
	bw := bufio.NewWriterSize(cw, 1<<16)
	if err := fn(bw); err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	w.add(File{Path: path.Clean(rel), Size: cw.n, SHA256: hex.EncodeToString(h.Sum(nil))})
	return nil
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// finish writes manifest.json and moves the package into place.
func (w *pkgWriter) finish(m Manifest) (Manifest, error) {
	sort.Slice(w.files, func(i, j int) bool { return w.files[i].Path < w.files[j].Path })
	m.Files = w.files
	data, err := marshal(m)
	if err != nil {
		return Manifest{}, err
	}
	if err := os.WriteFile(filepath.Join(w.tmp, "manifest.json"), data, 0o644); err != nil {
		return Manifest{}, err
	}
	if err := os.Rename(w.tmp, w.final); err != nil {
		return Manifest{}, err
	}
	return m, nil
}

// abort removes the partial package.
func (w *pkgWriter) abort() { _ = os.RemoveAll(w.tmp) }

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func canceled(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%w: %w", coinsift.ErrCanceled, err)
	}
	return nil
}

func newManifest(kind string, c Case) Manifest {
	audit := append([]AuditLine(nil), c.AuditExcerpt...)
	sort.SliceStable(audit, func(i, j int) bool { return audit[i].Seq < audit[j].Seq })
	if audit == nil {
		audit = []AuditLine{}
	}
	return Manifest{
		Format: ManifestFormat, Kind: kind, Case: c.Name, Generated: c.Generated.UTC(),
		Tool: tool(c), Rule: c.Rule, RuleName: c.RuleName, Audit: audit,
	}
}
