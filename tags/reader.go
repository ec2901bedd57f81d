package tags

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	coinsift "github.com/coinsift/coinsift"
)

// Format names an attribution file format.
type Format string

// Formats Read understands; docs/format/tags.md describes them.
const (
	FormatTagPack   Format = "tagpack"   // GraphSense TagPack YAML
	FormatActorPack Format = "actorpack" // GraphSense ActorPack YAML
	FormatOFACText  Format = "ofac-txt"  // one address per line
	FormatOFACJSON  Format = "ofac-json" // JSON array of addresses
	FormatCSV       Format = "csv"       // address,label[,category][,source]… with header
	FormatWYB       Format = "wyb"       // WatchYourBack: address,ticker,category,tag,subtype,url, no header
)

// Limits on untrusted input.
const (
	MaxFileSize = 64 << 20  // bytes of one attribution file
	MaxTags     = 2_000_000 // tags (or actors) of one file
	MaxAliases  = 1_000     // YAML aliases in one pack (billion-laughs guard)
)

// OFAC defaults recorded on tags read from the OFAC address lists.
const (
	OFACLabel  = "OFAC SDN list"
	OFACSource = "https://www.treasury.gov/ofac/downloads/sdnlist.txt"
)

// Options control Read.
type Options struct {
	Network  Network // addresses valid on this network; "" mainnet
	Evidence string  // evidence id recorded on every tag
	Format   Format  // "" detect
}

// BadRow is an item set aside with the reason.
type BadRow struct {
	Row    int64
	Reason string
	Raw    []byte
}

// Result is what one file yielded.
type Result struct {
	Format         Format           `json:"format"`
	Pack           string           `json:"pack"`
	Tags           []Tag            `json:"-"`
	Actors         []Actor          `json:"-"`
	Bad            []BadRow         `json:"-"`
	OtherCurrency  map[string]int64 `json:"other_currency"` // tags of other currencies, skipped
	SkippedOther   int64            `json:"skipped_other_currency"`
	DuplicateInRun int64            `json:"-"`
}

func (r *Result) bad(row int64, raw string, err error) {
	r.Bad = append(r.Bad, BadRow{Row: row, Reason: err.Error(), Raw: []byte(raw)})
}

func (r *Result) other(cur string) {
	if r.OtherCurrency == nil {
		r.OtherCurrency = map[string]int64{}
	}
	r.OtherCurrency[cur]++
	r.SkippedOther++
}

// ReadFile reads an attribution file (at most MaxFileSize bytes).
func ReadFile(path string, o Options) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read tags %s: %w", path, err)
	}
	defer f.Close()
	return Read(f, path, o)
}

// Read reads attribution data from r; name is used in errors and as the
// pack name of formats without a title. Invalid addresses and tags without
// a currency are returned in Result.Bad; tags of other currencies than BTC
// are counted in Result.OtherCurrency. A file that cannot be read at all
// is an error naming it.
func Read(r io.Reader, name string, o Options) (*Result, error) {
	if o.Network == "" {
		o.Network = Mainnet
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read tags %s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, &coinsift.InputError{Op: "read tags", Source: name, Offset: MaxFileSize, Err: fmt.Errorf("larger than %d bytes: %w", MaxFileSize, ErrTooLarge)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	f := o.Format
	if f == "" {
		if f, err = Sniff(data); err != nil {
			return nil, &coinsift.InputError{Op: "detect tags format", Source: name, Offset: -1, Err: err}
		}
	}
	res := &Result{Format: f, Pack: filepath.Base(name)}
	switch f {
	case FormatTagPack, FormatActorPack:
		err = readPack(data, name, o, res)
	case FormatOFACText:
		err = readOFACText(data, o, res)
	case FormatOFACJSON:
		err = readOFACJSON(data, name, o, res)
	case FormatCSV, FormatWYB:
		err = readCSV(data, name, f, o, res)
	default:
		err = fmt.Errorf("format %q: %w", f, ErrFormat)
	}
	if err != nil {
		var ie *coinsift.InputError
		if !errors.As(err, &ie) {
			err = &coinsift.InputError{Op: "read " + string(f), Source: name, Offset: -1, Err: err}
		}
		return nil, err
	}
	return res, nil
}

// Sniff names the format of an attribution file from its content.
func Sniff(data []byte) (Format, error) {
	t := bytes.TrimLeft(data, " \t\r\n")
	if len(t) == 0 {
		return "", fmt.Errorf("empty file: %w", ErrFormat)
	}
	if t[0] == '[' {
		return FormatOFACJSON, nil
	}
	head := t
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	for _, line := range bytes.Split(head, []byte("\n")) {
		l := string(bytes.TrimRight(line, "\r"))
		switch {
		case strings.HasPrefix(l, "tags:"):
			return FormatTagPack, nil
		case strings.HasPrefix(l, "actors:"):
			return FormatActorPack, nil
		}
	}
	first, _, _ := bytes.Cut(t, []byte("\n"))
	fl := strings.TrimSpace(string(first))
	fields := strings.Split(fl, ",")
	lower := strings.ToLower(fl)
	switch {
	case len(fields) >= 2 && strings.TrimSpace(strings.ToLower(fields[0])) == "address":
		return FormatCSV, nil
	case len(fields) == 6 && isTicker(fields[1]) && len(strings.TrimSpace(fields[1])) <= 6:
		return FormatWYB, nil
	case len(fields) == 1 && !strings.ContainsAny(fl, " :{") && fl != "":
		return FormatOFACText, nil
	case strings.HasPrefix(lower, "title:") || strings.HasPrefix(lower, "%yaml") || strings.HasPrefix(lower, "---"):
		return "", fmt.Errorf("yaml without a tags: or actors: list: %w", ErrFormat)
	}
	return "", fmt.Errorf("first line %q matches no attribution format (TagPack, ActorPack, OFAC list, CSV with an address column, WatchYourBack): %w", trunc(fl), ErrFormat)
}

func isTicker(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 1 || len(s) > 10 || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

type packTag struct {
	Address          string `yaml:"address"`
	Label            string `yaml:"label"`
	Source           string `yaml:"source"`
	Category         string `yaml:"category"`
	Abuse            string `yaml:"abuse"`
	Actor            string `yaml:"actor"`
	Currency         string `yaml:"currency"`
	Network          string `yaml:"network"`
	Confidence       string `yaml:"confidence"`
	IsClusterDefiner *bool  `yaml:"is_cluster_definer"`
}

type packFile struct {
	Title  string      `yaml:"title"`
	Header packTag     `yaml:",inline"`
	Tags   []packTag   `yaml:"tags"`
	Actors []packActor `yaml:"actors"`
}

type packActor struct {
	ID            string   `yaml:"id"`
	Label         string   `yaml:"label"`
	URI           string   `yaml:"uri"`
	Jurisdictions []string `yaml:"jurisdictions"`
	Categories    []string `yaml:"categories"`
}

// aliasCounter counts aliases, and aliases of collections (a sequence or
// mapping anchor), whose repeated expansion is how a billion-laughs file
// explodes; TagPacks have no use for them.
type aliasCounter struct {
	n, collections int
	anchors        map[string]bool
}

func (c *aliasCounter) Visit(n ast.Node) ast.Visitor {
	switch v := n.(type) {
	case *ast.AnchorNode:
		if v.Value != nil && (v.Value.Type() == ast.SequenceType || v.Value.Type() == ast.MappingType) && v.Name != nil {
			if c.anchors == nil {
				c.anchors = map[string]bool{}
			}
			c.anchors[v.Name.String()] = true
		}
	case *ast.AliasNode:
		c.n++
		if v.Value != nil && c.anchors[v.Value.String()] {
			c.collections++
		}
	}
	return c
}

// decodeNode decodes a YAML node into v. The YAML library panics on some
// malformed input (a tag on a scalar where a sequence is expected, found by
// fuzzing); a file from an attribution source must never crash an import,
// so a panic becomes an error.
func decodeNode(n ast.Node, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("malformed yaml (the decoder failed: %v)", r)
		}
	}()
	return yaml.NodeToValue(n, v)
}

// readPack decodes a TagPack or ActorPack, refusing more than MaxAliases
// YAML aliases (whose expansion could blow up memory) and more than
// MaxTags entries.
func readPack(data []byte, name string, o Options, res *Result) error {
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return fmt.Errorf("parse yaml: %v: %w", firstLine(err.Error()), coinsift.ErrInvalid)
	}
	var ac aliasCounter
	for _, d := range file.Docs {
		ast.Walk(&ac, d)
		if ac.n > MaxAliases {
			return fmt.Errorf("more than %d yaml aliases: %w", MaxAliases, ErrTooLarge)
		}
		if ac.collections > 0 {
			return fmt.Errorf("%d yaml alias(es) of a sequence or mapping (refused: expansion can explode): %w", ac.collections, ErrTooLarge)
		}
	}
	if n := bytes.Count(data, []byte("\n- ")) + bytes.Count(data, []byte("\n  - ")); n > MaxTags*2 {
		return fmt.Errorf("more than %d entries: %w", MaxTags, ErrTooLarge)
	}
	var body ast.Node
	n := 0
	for _, d := range file.Docs {
		if d != nil && d.Body != nil && d.Body.Type() != ast.DirectiveType {
			body = d.Body
			n++
		}
	}
	if n != 1 {
		return fmt.Errorf("want one yaml document, found %d: %w", n, coinsift.ErrInvalid)
	}
	var p packFile
	if err := decodeNode(body, &p); err != nil {
		return fmt.Errorf("decode pack: %v: %w", firstLine(err.Error()), coinsift.ErrInvalid)
	}
	if len(p.Tags) > MaxTags || len(p.Actors) > MaxTags {
		return fmt.Errorf("more than %d entries: %w", MaxTags, ErrTooLarge)
	}
	if p.Title != "" {
		res.Pack = p.Title
	}
	for i, a := range p.Actors {
		act := Actor{ID: strings.TrimSpace(a.ID), Label: a.Label, URI: a.URI, Categories: append([]string{}, a.Categories...), Evidence: o.Evidence, Row: int64(i + 1)}
		if act.ID == "" {
			res.bad(act.Row, a.Label, fmt.Errorf("actor %d: no id: %w", i+1, coinsift.ErrInvalid))
			continue
		}
		act.Jurisdictions = []coinsift.Country{}
		for _, j := range a.Jurisdictions {
			act.Jurisdictions = append(act.Jurisdictions, coinsift.Country(strings.ToUpper(strings.TrimSpace(j))))
		}
		res.Actors = append(res.Actors, act)
	}
	h := p.Header
	for i, t := range p.Tags {
		row := int64(i + 1)
		tag := Tag{
			Label: or(t.Label, h.Label), Category: or(t.Category, h.Category), Abuse: or(t.Abuse, h.Abuse),
			Actor: or(t.Actor, h.Actor), Source: or(t.Source, h.Source), Confidence: or(t.Confidence, h.Confidence),
			Pack: res.Pack, Evidence: o.Evidence, Row: row,
		}
		if t.IsClusterDefiner != nil {
			tag.IsClusterDefiner = *t.IsClusterDefiner
		} else if h.IsClusterDefiner != nil {
			tag.IsClusterDefiner = *h.IsClusterDefiner
		}
		cur := strings.ToUpper(strings.TrimSpace(or(t.Currency, h.Currency, t.Network, h.Network)))
		raw := fmt.Sprintf("address: %s, label: %s, currency: %s", t.Address, tag.Label, cur)
		if err := res.add(tag, t.Address, cur, o.Network, raw); err != nil {
			return err
		}
	}
	return nil
}

// add validates a tag's currency and address and keeps it, counts it as
// another currency, or sets it aside.
func (r *Result) add(t Tag, addr, cur string, n Network, raw string) error {
	switch {
	case cur == "":
		r.bad(t.Row, raw, fmt.Errorf("tag %d: no currency: %w", t.Row, coinsift.ErrInvalid))
		return nil
	case cur != "BTC":
		if !isTicker(cur) {
			r.bad(t.Row, raw, fmt.Errorf("tag %d: unknown currency %q: %w", t.Row, trunc(cur), coinsift.ErrInvalid))
			return nil
		}
		r.other(cur)
		return nil
	}
	if strings.TrimSpace(t.Label) == "" {
		r.bad(t.Row, raw, fmt.Errorf("tag %d: no label: %w", t.Row, coinsift.ErrInvalid))
		return nil
	}
	a, err := ValidAddress(addr, n)
	if err != nil {
		r.bad(t.Row, raw, fmt.Errorf("tag %d: %w", t.Row, err))
		return nil
	}
	t.Address, t.Currency = a, cur
	t.Confidence = strings.ToLower(strings.TrimSpace(t.Confidence))
	t.ConfidenceLevel = ConfidenceLevel(t.Confidence)
	if t.Confidence == "" {
		t.ConfidenceLevel = -1
	}
	if len(r.Tags) >= MaxTags {
		return fmt.Errorf("more than %d tags: %w", MaxTags, ErrTooLarge)
	}
	r.Tags = append(r.Tags, t)
	return nil
}

func or(vals ...string) string {
	for _, v := range vals {
		if s := strings.TrimSpace(v); s != "" {
			return s
		}
	}
	return ""
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return trunc(l)
}

func ofacTag(o Options, row int64, pack string) Tag {
	return Tag{Label: OFACLabel, Category: "user", Abuse: "sanction", Source: OFACSource,
		Confidence: "authority_data", Pack: pack, Evidence: o.Evidence, Row: row}
}

func readOFACText(data []byte, o Options, res *Result) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 4096), 64<<10)
	var row int64
	for sc.Scan() {
		row++
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if err := res.add(ofacTag(o, row, res.Pack), l, "BTC", o.Network, l); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %v: %w", row+1, err, coinsift.ErrInvalid)
	}
	return nil
}

func readOFACJSON(data []byte, name string, o Options, res *Result) error {
	d := json.NewDecoder(bytes.NewReader(data))
	if tok, err := d.Token(); err != nil || tok != json.Delim('[') {
		return fmt.Errorf("want a JSON array of addresses: %w", coinsift.ErrInvalid)
	}
	var row int64
	for d.More() {
		row++
		off := d.InputOffset()
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return &coinsift.InputError{Op: "read ofac-json", Source: name, Offset: off, Row: row, Err: fmt.Errorf("%v: %w", err, coinsift.ErrCorrupt)}
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			res.bad(row, string(v), fmt.Errorf("element %d: not a string: %w", row, coinsift.ErrInvalid))
			continue
		}
		if err := res.add(ofacTag(o, row, res.Pack), s, "BTC", o.Network, s); err != nil {
			return err
		}
	}
	return nil
}

func readCSV(data []byte, name string, f Format, o Options, res *Result) error {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.Comment = '#'
	col := map[string]int{"address": 0, "currency": 1, "category": 2, "label": 3, "subtype": 4, "source": 5}
	if f == FormatCSV {
		h, err := cr.Read()
		if err != nil {
			return fmt.Errorf("header: %v: %w", err, coinsift.ErrInvalid)
		}
		col = map[string]int{}
		for i, c := range h {
			k := strings.ToLower(strings.TrimSpace(c))
			if _, dup := col[k]; !dup {
				col[k] = i
			}
		}
		for _, need := range []string{"address", "label"} {
			if _, ok := col[need]; !ok {
				return fmt.Errorf("header %q has no %s column: %w", trunc(strings.Join(h, ",")), need, ErrFormat)
			}
		}
	}
	get := func(rec []string, k string) string {
		if i, ok := col[k]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		line, _ := cr.FieldPos(0)
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			res.bad(int64(pe.StartLine), "", fmt.Errorf("line %d: %v: %w", pe.StartLine, pe.Err, coinsift.ErrInvalid))
			continue
		}
		if err != nil {
			return err
		}
		raw := strings.Join(rec, ",")
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		t := Tag{Label: get(rec, "label"), Category: get(rec, "category"), Abuse: get(rec, "abuse"), Actor: get(rec, "actor"),
			Source: get(rec, "source"), Confidence: get(rec, "confidence"), Pack: res.Pack, Evidence: o.Evidence, Row: int64(line)}
		if f == FormatWYB {
			if sub := get(rec, "subtype"); sub != "" {
				t.Label += " (" + sub + ")"
			}
			if len(rec) != 6 {
				res.bad(t.Row, raw, fmt.Errorf("line %d: %d fields, want 6: %w", line, len(rec), coinsift.ErrInvalid))
				continue
			}
		}
		cur := strings.ToUpper(get(rec, "currency"))
		if cur == "" && f == FormatCSV {
			cur = "BTC" // the plain CSV is of Bitcoin addresses unless it says
		}
		if err := res.add(t, get(rec, "address"), cur, o.Network, raw); err != nil {
			return err
		}
	}
}

// SortTags orders tags by address, label, source, evidence and row.
func SortTags(ts []Tag) {
	sort.SliceStable(ts, func(i, j int) bool {
		a, b := ts[i], ts[j]
		switch {
		case a.Address != b.Address:
			return a.Address < b.Address
		case a.Label != b.Label:
			return a.Label < b.Label
		case a.Source != b.Source:
			return a.Source < b.Source
		case a.Evidence != b.Evidence:
			return a.Evidence < b.Evidence
		}
		return a.Row < b.Row
	})
}
