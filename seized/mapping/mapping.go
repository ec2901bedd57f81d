package mapping

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/detect"
)

// Version is the mapping format version.
const Version = 1

// Mapping maps source tables onto canonical records (docs/format/mapping.md).
type Mapping struct {
	Version int     `yaml:"version"`
	Region  string  `yaml:"region,omitempty"` // default phone region, e.g. GB
	Tables  []Table `yaml:"tables"`
	sum     string
}

// Table maps one source table onto one canonical target.
type Table struct {
	Source     string            `yaml:"source"` // source table name; "users" matches "shop.users"
	Target     string            `yaml:"target"` // accounts, identifiers, payments, logins, calls
	Confidence float64           `yaml:"confidence,omitempty"`
	Columns    map[string]Column `yaml:"columns"` // canonical field -> source column
}

// Column names the source column of a canonical field and how to convert it.
type Column struct {
	Column     string  `yaml:"column"`
	Unit       string  `yaml:"unit,omitempty"` // btc|sats (amounts); datetime|epoch_s|epoch_ms|epoch_us (times); minor|major (fiat)
	Currency   string  `yaml:"currency,omitempty"`
	Confidence float64 `yaml:"confidence,omitempty"`
}

// Fields lists the canonical fields of each target, in table column order.
var Fields = map[string][]string{
	"accounts":    {"account_key", "username", "created_at", "country", "email", "phone", "ip"},
	"identifiers": {"account_key", "kind", "value"},
	"payments":    {"account_key", "address", "amount", "fiat_amount", "fiat_currency", "txid", "vout", "status", "created_at", "paid_at"},
	"logins":      {"account_key", "ip", "login_at", "user_agent"},
	"calls":       {"account_key", "caller_id", "destination", "started_at", "duration_s", "status", "template"},
}

// Read parses and validates a mapping.
func Read(r io.Reader) (*Mapping, error) {
	b, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("read mapping: %w", err)
	}
	var m Mapping
	if err := yaml.UnmarshalWithOptions(b, &m, yaml.Strict()); err != nil {
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
	for i, t := range m.Tables {
		fields, ok := Fields[t.Target]
		if !ok {
			return fmt.Errorf("mapping: tables[%d] (%s): unknown target %q: %w", i, t.Source, t.Target, coinsift.ErrInvalid)
		}
		for f, c := range t.Columns {
			if !contains(fields, f) {
				return fmt.Errorf("mapping: tables[%d] (%s): target %s has no field %q: %w", i, t.Source, t.Target, f, coinsift.ErrInvalid)
			}
			switch c.Unit {
			case "", "btc", "sats", "datetime", "epoch_s", "epoch_ms", "epoch_us", "minor", "major":
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
	_, err = w.Write(b)
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

var _ seized.Mapper = (*Mapping)(nil)

// Bind returns the row mapper for source table t, nil if t is not mapped.
func (m *Mapping) Bind(t *seized.Table) seized.RowMapper {
	var bound []*binding
	for _, mt := range m.Tables {
		if !matchTable(mt.Source, t.Name) {
			continue
		}
		b := &binding{target: mt.Target, region: m.Region, idx: map[string]int{}, spec: mt.Columns, cols: t.Columns}
		for f, c := range mt.Columns {
			b.idx[f] = -1
			for i, tc := range t.Columns {
				if strings.EqualFold(tc.Name, c.Column) {
					b.idx[f] = i
				}
			}
		}
		bound = append(bound, b)
	}
	if len(bound) == 0 {
		return nil
	}
	return multi(bound)
}

func matchTable(pattern, name string) bool {
	return strings.EqualFold(pattern, name) || strings.HasSuffix(strings.ToLower(name), "."+strings.ToLower(pattern))
}

type multi []*binding

func (ms multi) Map(row []seized.Value, out *seized.Records) error {
	for _, b := range ms {
		if err := b.Map(row, out); err != nil {
			return err
		}
	}
	return nil
}

type binding struct {
	target string
	region string
	idx    map[string]int
	spec   map[string]Column
	cols   []seized.Column
}

// text returns the field's text, or nil for NULL/unmapped/empty.
func (b *binding) text(row []seized.Value, f string) any {
	i, ok := b.idx[f]
	if !ok || i < 0 || i >= len(row) || row[i].Null || len(row[i].Data) == 0 {
		return nil
	}
	if b.cols[i].Binary {
		return hex.EncodeToString(row[i].Data)
	}
	return string(row[i].Data)
}

func (b *binding) Map(row []seized.Value, out *seized.Records) error {
	key := b.text(row, "account_key")
	switch b.target {
	case "accounts":
		at, err := b.time(row, "created_at")
		if err != nil {
			return err
		}
		out.Accounts = append(out.Accounts, []any{orEmpty(key), b.text(row, "username"), at, b.text(row, "country")})
		for _, k := range []string{"email", "phone", "ip"} {
			if v := b.text(row, k); v != nil {
				out.Identifiers = append(out.Identifiers, []any{key, k, v, b.normalize(k, v.(string)), b.spec[k].Column})
			}
		}
	case "identifiers":
		v := b.text(row, "value")
		if v == nil {
			return nil
		}
		kind, _ := b.text(row, "kind").(string)
		if kind == "" {
			if ks := detect.Classify(v.(string), b.region); len(ks) > 0 {
				kind = string(ks[0])
			} else {
				kind = "unknown"
			}
		}
		out.Identifiers = append(out.Identifiers, []any{key, kind, v, b.normalize(kind, v.(string)), b.spec["value"].Column})
	case "payments":
		sats, err := b.amount(row, "amount")
		if err != nil {
			return err
		}
		fiat, cur, err := b.fiat(row)
		if err != nil {
			return err
		}
		created, err := b.time(row, "created_at")
		if err != nil {
			return err
		}
		paid, err := b.time(row, "paid_at")
		if err != nil {
			return err
		}
		var vout any
		if v := b.text(row, "vout"); v != nil {
			n, err := strconv.ParseInt(v.(string), 10, 32)
			if err != nil {
				return fmt.Errorf("vout %q: not an integer", v)
			}
			vout = int32(n)
		}
		out.Payments = append(out.Payments, []any{key, b.text(row, "address"), sats, fiat, cur, b.text(row, "txid"), vout, b.text(row, "status"), created, paid})
		if a, ok := b.text(row, "address").(string); ok {
			out.Identifiers = append(out.Identifiers, []any{key, "btc_address", a, a, b.spec["address"].Column})
		}
	case "logins":
		at, err := b.time(row, "login_at")
		if err != nil {
			return err
		}
		out.Logins = append(out.Logins, []any{key, b.text(row, "ip"), at, b.text(row, "user_agent")})
	case "calls":
		at, err := b.time(row, "started_at")
		if err != nil {
			return err
		}
		var dur any
		if v := b.text(row, "duration_s"); v != nil {
			n, err := strconv.ParseInt(v.(string), 10, 64)
			if err != nil {
				return fmt.Errorf("duration %q: not an integer", v)
			}
			dur = n
		}
		dest := b.text(row, "destination")
		var e164 any
		if d, ok := dest.(string); ok {
			if e, _, ok := detect.PhoneNumber(d, b.region); ok {
				e164 = e
			}
		}
		out.Calls = append(out.Calls, []any{key, b.text(row, "caller_id"), dest, e164, at, dur, b.text(row, "status"), b.text(row, "template")})
	}
	return nil
}

func orEmpty(v any) any {
	if v == nil {
		return ""
	}
	return v
}

func (b *binding) normalize(kind, v string) any {
	switch kind {
	case "email":
		return strings.ToLower(strings.TrimSpace(v))
	case "phone":
		if e, _, ok := detect.PhoneNumber(v, b.region); ok {
			return e
		}
		return nil
	}
	return v
}

// time converts a time field by its unit: datetime text (UTC) or epoch.
func (b *binding) time(row []seized.Value, f string) (any, error) {
	v, ok := b.text(row, f).(string)
	if !ok {
		return nil, nil
	}
	unit := b.spec[f].Unit
	if strings.HasPrefix(unit, "epoch") {
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s %q: not an epoch integer", f, v)
		}
		return detect.EpochTime(n, detect.Kind(unit)), nil
	}
	if strings.HasPrefix(v, "0000-00-00") {
		return nil, nil // MySQL zero date: unknown
	}
	t, _, ok := detect.ParseTime(v)
	if !ok {
		return nil, fmt.Errorf("%s %q: not a time", f, v)
	}
	return t.UTC().Truncate(time.Microsecond), nil
}

// amount converts a BTC amount: decimal BTC (unit btc, default when the text
// has a point) or integer satoshis (unit sats).
func (b *binding) amount(row []seized.Value, f string) (any, error) {
	v, ok := b.text(row, f).(string)
	if !ok {
		return nil, nil
	}
	unit := b.spec[f].Unit
	if unit == "sats" || (unit == "" && !strings.Contains(v, ".")) {
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s %q: not an integer of sats", f, v)
		}
		return n, nil
	}
	s, err := coinsift.ParseBTC(v)
	if err != nil {
		return nil, err
	}
	return int64(s), nil
}

func (b *binding) fiat(row []seized.Value) (any, any, error) {
	v, ok := b.text(row, "fiat_amount").(string)
	if !ok {
		return nil, nil, nil
	}
	c := b.spec["fiat_amount"]
	cur := c.Currency
	if cv, ok := b.text(row, "fiat_currency").(string); ok {
		cur = strings.ToUpper(cv)
	}
	if c.Unit == "minor" {
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil {
			return nil, nil, fmt.Errorf("fiat_amount %q: not an integer", v)
		}
		return n, nullStr(cur), nil
	}
	m, err := coinsift.ParseMoney(v, cur)
	if err != nil {
		return nil, nil, err
	}
	return m.Minor, nullStr(cur), nil
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}
