package mapping

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"
	_ "time/tzdata" // Mapping.Zone loads on machines without a zone database

	"github.com/goccy/go-yaml"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/internal/sanitize"
	"github.com/coinsift/coinsift/seized"
)

// Version is the mapping format version.
const Version = 1

// Mapping maps source tables onto canonical records (docs/format/mapping.md).
type Mapping struct {
	Version int    `yaml:"version" json:"version"`
	Region  string `yaml:"region,omitempty" json:"region,omitempty"` // default phone region, e.g. GB
	// Zone is the IANA time zone (Europe/Moscow) of times written without
	// an offset (DATETIME text); "" or UTC: they are UTC. Times with an
	// offset and epoch integers are absolute and keep their instant.
	Zone   string  `yaml:"zone,omitempty" json:"zone,omitempty"`
	Tables []Table `yaml:"tables" json:"tables"`
	// Notes are Suggest's doubts (tables left out and why, tables mapped
	// with low confidence); Write puts them in comments at the top.
	Notes   []string `yaml:"-" json:"-"`
	sum     string
	lookups map[string]*lookupTable // by lower-case table name
}

// Table maps one source table onto one canonical target.
type Table struct {
	Source     string            `yaml:"source" json:"source"` // source table name; "users" matches "shop.users"
	Target     string            `yaml:"target" json:"target"` // accounts, identifiers, payments, logins, calls
	Confidence float64           `yaml:"confidence,omitempty" json:"confidence,omitempty"`
	Columns    map[string]Column `yaml:"columns" json:"columns"` // canonical field -> source column
}

// Column names the source column of a canonical field and how to convert it.
type Column struct {
	Column string `yaml:"column" json:"column"`
	// Unit: btc|sats (amounts); datetime|epoch_s|epoch_ms|epoch_us (times);
	// minor|major (fiat); hex|internal|display (txids).
	Unit     string  `yaml:"unit,omitempty" json:"unit,omitempty"`
	Currency string  `yaml:"currency,omitempty" json:"currency,omitempty"`
	Lookup   *Lookup `yaml:"lookup,omitempty" json:"lookup,omitempty"`
	// JSON is a path ($.tx.hash, $.outputs[0].address) to the value inside
	// the column's JSON text (after any lookup); a path missing in a row
	// gives NULL, malformed JSON sets the row aside.
	JSON       string  `yaml:"json,omitempty" json:"json,omitempty"`
	Confidence float64 `yaml:"confidence,omitempty" json:"confidence,omitempty"`
}

// Lookup takes a field's value from another source table: the value of
// column Value in the row of Table whose column Key equals this table's
// Column. Table must be read before the tables that look values up in it
// (earlier in the dump, or an earlier file).
type Lookup struct {
	Table string `yaml:"table" json:"table"`
	Key   string `yaml:"key" json:"key"`
	Value string `yaml:"value" json:"value"`
}

// Fields lists the canonical fields of each target, in table column order.
var Fields = map[string][]string{
	"accounts": {"account_key", "username", "created_at", "country", "email", "phone", "ip",
		"telegram", "jabber", "icq", "discord", "wickr", "session", "signal", "threema",
		"skype", "wechat", "whatsapp", "tox", "element", "matrix", "wallet"},
	"identifiers": {"account_key", "kind", "value"},
	"payments":    {"account_key", "address", "amount", "fiat_amount", "fiat_currency", "txid", "vout", "status", "created_at", "paid_at"},
	"logins":      {"account_key", "ip", "login_at", "user_agent"},
	"calls":       {"account_key", "caller_id", "destination", "started_at", "duration_s", "status", "template"},
}

// unmarshal decodes YAML strictly; the YAML library panics on some malformed
// input (found by fuzzing the tag reader), and a panic becomes an error.
func unmarshal(b []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed yaml (the decoder failed: %v)", r)
		}
	}()
	return yaml.UnmarshalWithOptions(b, v, yaml.Strict())
}

// Read parses and validates a mapping.
func Read(r io.Reader) (*Mapping, error) {
	b, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("read mapping: %w", err)
	}
	var m Mapping
	if err := unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("parse mapping: %w: %w", err, coinsift.ErrInvalid)
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	s := sha256.Sum256(b)
	m.sum = hex.EncodeToString(s[:])
	return &m, nil
}

// Validate checks versions, targets and fields.
func (m *Mapping) Validate() error {
	if m.Version != Version {
		return fmt.Errorf("mapping: version %d, want %d: %w", m.Version, Version, coinsift.ErrInvalid)
	}
	if _, err := m.location(); err != nil {
		return err
	}
	for i, t := range m.Tables {
		fields, ok := Fields[t.Target]
		if !ok {
			return fmt.Errorf("mapping: tables[%d] (%s): unknown target %q: %w", i, t.Source, t.Target, coinsift.ErrInvalid)
		}
		for f, c := range t.Columns {
			if !contains(fields, f) {
				return fmt.Errorf("mapping: tables[%d] (%s): target %s has no field %q: %w", i, t.Source, t.Target, f, coinsift.ErrInvalid)
			}
			if c.Column == "" {
				return fmt.Errorf("mapping: tables[%d] (%s): field %s: no column: %w", i, t.Source, f, coinsift.ErrInvalid)
			}
			if l := c.Lookup; l != nil && (l.Table == "" || l.Key == "" || l.Value == "") {
				return fmt.Errorf("mapping: tables[%d] (%s): field %s: lookup needs table, key and value: %w", i, t.Source, f, coinsift.ErrInvalid)
			}
			if c.JSON != "" {
				if _, err := parseJSONPath(c.JSON); err != nil {
					return fmt.Errorf("mapping: tables[%d] (%s): field %s: %w: %w", i, t.Source, f, err, coinsift.ErrInvalid)
				}
			}
			switch c.Unit {
			case "", "btc", "sats", "datetime", "epoch_s", "epoch_ms", "epoch_us", "minor", "major", "hex", "internal", "display":
			default:
				return fmt.Errorf("mapping: tables[%d] (%s): field %s: unknown unit %q: %w", i, t.Source, f, c.Unit, coinsift.ErrInvalid)
			}
		}
	}
	return nil
}

// Write writes m as YAML.
func (m *Mapping) Write(w io.Writer) error {
	b, err := yaml.MarshalWithOptions(m, yaml.IndentSequence(true))
	if err != nil {
		return fmt.Errorf("write mapping: %w", err)
	}
	var head []byte
	for _, n := range m.Notes {
		// Names come from seized data: one line each, no control characters.
		head = append(head, "# "+strings.ReplaceAll(sanitize.Terminal(n), "\n", " ")+"\n"...)
	}
	_, err = w.Write(append(head, b...))
	return err
}

// SHA256 identifies the mapping file (seized.Mapper).
func (m *Mapping) SHA256() string { return m.sum }

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// LoadOrder returns files reordered so that a file holding a table that
// other tables look values up in (Column.Lookup) is loaded before the
// others; the order is otherwise kept. A CSV or JSON-lines file's table is
// its base name without extensions.
func (m *Mapping) LoadOrder(files []string) []string {
	var first, rest []string
	for _, f := range files {
		if m.isLookupSource(seized.FileTable(f)) {
			first = append(first, f)
		} else {
			rest = append(rest, f)
		}
	}
	return append(first, rest...)
}

// location is the time zone of times without an offset: UTC unless Zone
// names another (the IANA database is embedded, so every zone loads on
// every machine).
func (m *Mapping) location() (*time.Location, error) {
	if m.Zone == "" {
		return time.UTC, nil
	}
	if len(m.Zone) > 64 {
		return nil, fmt.Errorf("mapping: zone: over 64 bytes: %w", coinsift.ErrInvalid)
	}
	loc, err := time.LoadLocation(m.Zone)
	if err != nil || m.Zone == "Local" {
		return nil, fmt.Errorf("mapping: zone %q: not an IANA time zone (e.g. Europe/Moscow): %w", m.Zone, coinsift.ErrInvalid)
	}
	return loc, nil
}
