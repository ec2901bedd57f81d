package casefile

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
	coinsift "github.com/coinsift/coinsift"
	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
)

// File names inside a case directory.
const (
	ConfigFile   = "case.toml"
	DBFile       = "case.duckdb"
	EvidenceFile = "evidence.jsonl"
	AuditLogFile = "audit.jsonl"
	LockFile     = ".lock"
	ChainDir     = "chain"
	ExportsDir   = "exports"
)

// Format is the case directory format version written into case.toml.
const Format = 1

// Config is the content of case.toml.
type Config struct {
	Format   int       `toml:"format" json:"format"`
	Name     string    `toml:"name" json:"name"`
	Created  time.Time `toml:"created" json:"created"`
	Version  string    `toml:"coinsift_version" json:"coinsift_version"` // version that created the case
	Settings Settings  `toml:"settings" json:"settings"`
}

// Settings are the analysis settings of a case.
type Settings struct {
	Currency      string `toml:"currency" json:"currency"`             // reporting currency, ISO 4217
	DefaultRegion string `toml:"default_region" json:"default_region"` // region for phone numbers without a country code
	// ChainDir is where the chain index lives; relative paths are relative to
	// the case directory. Several cases may share one index.
	ChainDir string `toml:"chain_dir" json:"chain_dir"`
	// Report heads the production orders of referral packages
	// ([settings.report] in case.toml).
	Report ReportSettings `toml:"report" json:"report"`
}

// ReportSettings are the case's settings for referral packages: who
// requests the production orders, under which law, and the officer in
// charge. 'coinsift report referrals --authority --legal-basis --officer'
// sets them; an empty one is printed as a placeholder to complete.
type ReportSettings struct {
	Authority  string `toml:"authority,omitempty" json:"authority,omitempty"`     // e.g. "Metropolitan Police Service, Cyber Crime Unit"
	LegalBasis string `toml:"legal_basis,omitempty" json:"legal_basis,omitempty"` // e.g. "Proceeds of Crime Act 2002, s.345"
	Officer    string `toml:"officer,omitempty" json:"officer,omitempty"`         // e.g. "DC A. Smith, warrant 1234"
}

// DefaultSettings returns the settings of a new case.
func DefaultSettings() Settings {
	return Settings{Currency: "GBP", DefaultRegion: "GB", ChainDir: ChainDir}
}

// Options control how a case is opened.
type Options struct {
	ReadOnly bool
	Logger   *slog.Logger     // nil: silent
	Now      func() time.Time // nil: time.Now
	Version  string           // coinsift version, recorded in audit lines
}

func (o *Options) ensureDefaults() {
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Version == "" {
		o.Version = "dev"
	}
}

// Case is an open case directory.
type Case struct {
	dir    string
	cfg    Config
	db     *sql.DB
	lock   *lockFile
	opts   Options
	closed bool
	// borrowed handles (Borrow) share the store; their Close does nothing.
	borrowed bool
	// mu orders the appends to the audit log and the evidence register of
	// all handles on the case.
	mu *sync.Mutex
}

// Borrow returns another handle on the open case, for a part of the
// program that runs at the same time as others on the same case (the
// demo's independent steps): it shares the store and the lock, and its
// Close does nothing. AppendAudit and AddEvidence are safe to call from
// several handles at once; DuckDB runs their transactions side by side
// and refuses ones that change the same rows.
func (c *Case) Borrow() *Case {
	b := *c
	b.borrowed = true
	return &b
}

// InitOptions are the settings of a new case.
type InitOptions struct {
	Name     string
	Settings Settings // zero value: DefaultSettings
	Options
}

// Init creates a new case in dir, which must not exist or be empty. It
// refuses to overwrite anything. The returned case is open for writing.
func Init(ctx context.Context, dir string, o InitOptions) (*Case, error) {
	o.ensureDefaults()
	if o.Settings == (Settings{}) {
		o.Settings = DefaultSettings()
	}
	if entries, err := os.ReadDir(dir); err == nil {
		if len(entries) > 0 {
			if _, err := os.Stat(filepath.Join(dir, ConfigFile)); err == nil {
				return nil, fmt.Errorf("init %s: a case already exists there: %w", dir, coinsift.ErrExists)
			}
			return nil, fmt.Errorf("init %s: directory is not empty (left by an interrupted 'case init'? remove it and retry): %w", dir, coinsift.ErrExists)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("init %s: %w", dir, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("init %s: %w", dir, err)
	}
	lock, err := acquireLock(filepath.Join(dir, LockFile), true)
	if err != nil {
		return nil, err
	}
	name := o.Name
	if name == "" {
		abs, _ := filepath.Abs(dir)
		name = filepath.Base(abs)
	}
	cfg := Config{
		Format:   Format,
		Name:     name,
		Created:  o.Now().UTC().Truncate(time.Second),
		Version:  o.Version,
		Settings: o.Settings,
	}
	c := &Case{dir: dir, cfg: cfg, lock: lock, opts: o.Options, mu: new(sync.Mutex)}
	fail := func(err error) (*Case, error) {
		c.Close()
		return nil, fmt.Errorf("init %s: %w", dir, err)
	}
	for _, f := range []string{EvidenceFile, AuditLogFile} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			return fail(err)
		}
	}
	for _, d := range []string{ExportsDir} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return fail(err)
		}
	}
	if err := c.openDB(ctx); err != nil {
		return fail(err)
	}
	// case.toml is written last: its presence marks a complete case.
	if err := writeConfig(filepath.Join(dir, ConfigFile), cfg); err != nil {
		return fail(err)
	}
	return c, nil
}

// Open opens the case in dir. Unless opts.ReadOnly, it takes the case lock
// exclusively and fails with coinsift.ErrInUse if another process holds it.
func Open(ctx context.Context, dir string, opts Options) (*Case, error) {
	opts.ensureDefaults()
	cfgPath := filepath.Join(dir, ConfigFile)
	var cfg Config
	if _, err := os.Stat(cfgPath); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("open case %s: not a case directory (no %s; create one with 'coinsift case init'): %w", dir, ConfigFile, coinsift.ErrNotFound)
		}
		return nil, fmt.Errorf("open case %s: %w", dir, err)
	}
	if _, err := toml.DecodeFile(cfgPath, &cfg); err != nil {
		return nil, fmt.Errorf("open case %s: read %s: %w: %w", dir, ConfigFile, err, coinsift.ErrCorrupt)
	}
	if cfg.Format != Format {
		return nil, fmt.Errorf("open case %s: %s has format %d, this coinsift reads %d: %w", dir, ConfigFile, cfg.Format, Format, coinsift.ErrInvalid)
	}
	lock, err := acquireLock(filepath.Join(dir, LockFile), !opts.ReadOnly)
	if err != nil {
		return nil, err
	}
	c := &Case{dir: dir, cfg: cfg, lock: lock, opts: opts, mu: new(sync.Mutex)}
	if err := c.openDB(ctx); err != nil {
		c.Close()
		return nil, fmt.Errorf("open case %s: %w", dir, err)
	}
	return c, nil
}

func (c *Case) openDB(ctx context.Context) error {
	path := filepath.Join(c.dir, DBFile)
	dsn := path
	if c.opts.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("open %s: %w", path, err)
		}
		dsn += "?access_mode=READ_ONLY"
	}
	db, err := sql.Open("duckdb", dsn)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return fmt.Errorf("open %s: %w: %w", path, err, coinsift.ErrCorrupt)
	}
	c.db = db
	if c.opts.ReadOnly {
		return nil
	}
	if err := migrate(ctx, db, c.opts.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		return err
	}
	if _, err := os.Stat(c.Path(EvidenceFile)); err == nil {
		return c.syncEvidence(ctx)
	}
	return nil
}

// Close closes the store and releases the lock.
func (c *Case) Close() error {
	if c == nil || c.closed || c.borrowed {
		return nil
	}
	c.closed = true
	var errs []error
	if c.db != nil {
		errs = append(errs, c.db.Close())
	}
	errs = append(errs, c.lock.release())
	return errors.Join(errs...)
}

// Dir returns the case directory.
func (c *Case) Dir() string { return c.dir }

// Path returns the path of name inside the case directory.
func (c *Case) Path(name string) string { return filepath.Join(c.dir, name) }

// Config returns the case settings.
func (c *Case) Config() Config { return c.cfg }

// DB returns the DuckDB store. It is read-only when the case was opened so.
func (c *Case) DB() *sql.DB { return c.db }

// ReadOnly reports whether the case was opened read-only.
func (c *Case) ReadOnly() bool { return c.opts.ReadOnly }

// Now returns the current time from the case's clock, in UTC.
func (c *Case) Now() time.Time { return c.opts.Now().UTC() }

// Logger returns the case's logger.
func (c *Case) Logger() *slog.Logger { return c.opts.Logger }

// SetReportSettings replaces the report settings and rewrites case.toml.
// The case must be open for writing.
func (c *Case) SetReportSettings(rs ReportSettings) error {
	if c.opts.ReadOnly {
		return fmt.Errorf("set report settings: case opened read-only: %w", coinsift.ErrInvalid)
	}
	cfg := c.cfg
	cfg.Settings.Report = rs
	if err := writeConfig(filepath.Join(c.dir, ConfigFile), cfg); err != nil {
		return fmt.Errorf("set report settings: %w", err)
	}
	c.cfg = cfg
	return nil
}

// ChainDir returns the directory of the chain index the case uses.
func (c *Case) ChainDir() string {
	d := c.cfg.Settings.ChainDir
	if d == "" {
		d = ChainDir
	}
	if filepath.IsAbs(d) {
		return d
	}
	return filepath.Join(c.dir, d)
}

func writeConfig(path string, cfg Config) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := toml.NewEncoder(f).Encode(cfg); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// TableCount is a table of the store and its row count.
type TableCount struct {
	Name string
	Rows int64
}

// TableCounts lists the tables of the main schema with their row counts, by name.
func (c *Case) TableCounts(ctx context.Context) ([]TableCount, error) {
	rows, err := c.db.QueryContext(ctx, `SELECT table_name FROM duckdb_tables()
		WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name`)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list tables: %w", err)
		}
		names = append(names, n)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	out := make([]TableCount, 0, len(names))
	for _, n := range names {
		var cnt int64
		if err := c.db.QueryRowContext(ctx, `SELECT count(*) FROM "`+strings.ReplaceAll(n, `"`, `""`)+`"`).Scan(&cnt); err != nil {
			return nil, fmt.Errorf("count %s: %w", n, err)
		}
		out = append(out, TableCount{Name: n, Rows: cnt})
	}
	return out, nil
}

// SchemaVersion returns the newest migration applied to the store.
func (c *Case) SchemaVersion(ctx context.Context) (string, error) {
	var v sql.NullString
	if err := c.db.QueryRowContext(ctx, `SELECT max(name) FROM schema_migrations`).Scan(&v); err != nil {
		return "", fmt.Errorf("schema version: %w", err)
	}
	return v.String, nil
}

// SandboxConn returns a connection for running an investigator's query: the
// store is read-only (the case must be opened read-only), and the connection
// can reach no other file, no extension and no network. The settings are
// locked so that the query cannot undo them.
func (c *Case) SandboxConn(ctx context.Context) (*sql.Conn, error) {
	if !c.opts.ReadOnly {
		return nil, fmt.Errorf("sandbox: case must be opened read-only: %w", coinsift.ErrInvalid)
	}
	conn, err := c.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	for _, s := range []string{
		"SET autoinstall_known_extensions = false",
		"SET autoload_known_extensions = false",
		"SET enable_external_access = false",
		"SET lock_configuration = true",
	} {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			conn.Close()
			return nil, fmt.Errorf("sandbox: %s: %w", s, err)
		}
	}
	return conn, nil
}
