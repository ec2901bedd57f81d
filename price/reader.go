package price

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
)

// Format names a price file format.
type Format string

// Formats Open and NewReader read. docs/format/prices.md describes each.
const (
	FormatAuto      Format = ""          // detect from content
	FormatOHLC      Format = "ohlc"      // Date,Open,High,Low,Close[,Adj Close],Volume (Yahoo, CoinMarketCap)
	FormatWide      Format = "wide"      // Date,BTC_USD,BTC_EUR,… one series per column (typedcypher)
	FormatECB       Format = "ecb"       // Date,USD,JPY,… units per 1 EUR (ECB reference rates)
	FormatKraken    Format = "kraken"    // time,open,high,low,close,volume,trades without header
	FormatBitstamp  Format = "bitstamp"  // unix,date,symbol,open,high,low,close,Volume BTC,Volume USD
	FormatCoinGecko Format = "coingecko" // {"prices":[[ms,price],…]} market_chart JSON
	FormatPlain     Format = "plain"     // time,base,quote,price
)

// Formats lists the formats that can be named with Options.Format.
var Formats = []Format{FormatOHLC, FormatWide, FormatECB, FormatKraken, FormatBitstamp, FormatCoinGecko, FormatPlain}

// ParseFormat parses a format name; "" and "auto" mean detect.
func ParseFormat(s string) (Format, error) {
	if s == "" || s == "auto" {
		return FormatAuto, nil
	}
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("format %q: want one of %v: %w", trunc(s), Formats, coinsift.ErrInvalid)
}

// Limits on untrusted input.
const (
	// MaxZipMember is the largest uncompressed zip member Open reads,
	// declared or actual (a decompression-bomb guard).
	MaxZipMember = 256 << 20
	// DefaultMaxRows caps the rows read from one file.
	DefaultMaxRows = 50_000_000
	// maxLine caps one CSV record.
	maxLine   = 64 << 10
	sniffSize = 8 << 10
)

// Options control a Reader.
type Options struct {
	Format   Format        // FormatAuto: detect from the header
	Pair     string        // "BTC/GBP": required when the file does not say (coingecko, kraken, ohlc without a pair in its name)
	Source   string        // recorded on every point; default: the file's base name
	Evidence string        // evidence id recorded on every point
	Interval time.Duration // bar length for kraken/bitstamp when the file name does not say; 0: instants
	MaxRows  int64         // 0: DefaultMaxRows
}

// Reader streams the points of one price file. Next returns io.EOF at the
// end. A malformed row is returned as a *coinsift.InputError naming the
// file, format, row and byte offset; the caller may quarantine it (Raw
// returns its bytes) and call Next again. Any other error is sticky.
type Reader struct {
	name   string
	format Format
	opts   Options
	base   string // pair from options or file, when the format needs it
	quote  string

	br      *bufio.Reader
	cr      *csv.Reader
	cols    columns
	header  []string
	pending []Point
	raw     []byte
	row     int64
	rows    int64
	skipped int64
	err     error

	jd         *json.Decoder
	jstate     int // coingecko: 0 start, 1 in prices array, 2 done
	gotPrices  bool
	lastOffset int64
	closer     io.Closer
}

type columns struct {
	time, open, high, low, close, volume, symbol, base, quote, price, source int
}

// Open opens the price file at path, detecting its format (and reading a
// zip archive's single CSV member) unless o.Format says otherwise.
func Open(path string, o Options) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open prices %s: %w", path, err)
	}
	var magic [4]byte
	n, _ := io.ReadFull(f, magic[:])
	if n == 4 && string(magic[:]) == "PK\x03\x04" {
		f.Close()
		return openZip(path, o)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("open prices %s: %w", path, err)
	}
	r, err := NewReader(f, path, o)
	if err != nil {
		f.Close()
		return nil, err
	}
	r.closer = f
	return r, nil
}

func openZip(path string, o Options) (*Reader, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, &coinsift.InputError{Op: "read zip", Source: path, Offset: -1, Err: fmt.Errorf("%v: %w", err, coinsift.ErrCorrupt)}
	}
	var members []*zip.File
	for _, f := range zr.File {
		if !f.FileInfo().IsDir() && strings.EqualFold(filepath.Ext(f.Name), ".csv") {
			members = append(members, f)
		}
	}
	if len(members) != 1 {
		zr.Close()
		return nil, &coinsift.InputError{Op: "read zip", Source: path, Offset: -1,
			Err: fmt.Errorf("want exactly one .csv member, found %d: %w", len(members), ErrFormat)}
	}
	m := members[0]
	if m.UncompressedSize64 > MaxZipMember {
		zr.Close()
		return nil, &coinsift.InputError{Op: "read zip", Source: path + ":" + m.Name, Offset: -1,
			Err: fmt.Errorf("member declares %d bytes uncompressed, limit %d: %w", m.UncompressedSize64, MaxZipMember, coinsift.ErrInvalid)}
	}
	rc, err := m.Open()
	if err != nil {
		zr.Close()
		return nil, &coinsift.InputError{Op: "read zip", Source: path + ":" + m.Name, Offset: -1, Err: fmt.Errorf("%v: %w", err, coinsift.ErrCorrupt)}
	}
	lr := &capReader{r: rc, left: MaxZipMember, name: path + ":" + m.Name}
	r, err := NewReader(lr, path+":"+m.Name, o)
	if err != nil {
		rc.Close()
		zr.Close()
		return nil, err
	}
	r.closer = closers{rc, zr}
	return r, nil
}

type closers []io.Closer

func (cs closers) Close() error {
	var errs []error
	for _, c := range cs {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// capReader fails once more than left bytes have been read: the actual
// uncompressed size of a zip member may exceed its declared size.
type capReader struct {
	r    io.Reader
	left int64
	name string
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("read zip member %s: exceeds %d bytes uncompressed: %w", c.name, MaxZipMember, coinsift.ErrInvalid)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// NewReader returns a reader of the price data in r; name is the file name,
// used in errors, as the default source and to infer a pair ("BTC-GBP.csv")
// or a Kraken bar length ("XBTGBP_1440.csv").
func NewReader(r io.Reader, name string, o Options) (*Reader, error) {
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.Source == "" {
		o.Source = filepath.Base(name)
	}
	rd := &Reader{name: name, opts: o, br: bufio.NewReaderSize(r, 64<<10)}
	if o.Pair != "" {
		b, q, err := ParsePair(o.Pair)
		if err != nil {
			return nil, err
		}
		rd.base, rd.quote = b, q
	}
	// Skip a UTF-8 byte-order mark.
	if b, err := rd.br.Peek(3); err == nil && bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		rd.br.Discard(3)
	}
	head, _ := rd.br.Peek(sniffSize)
	// CryptoDataDownload files (Bitstamp) start with a URL line.
	if bytes.HasPrefix(head, []byte("http")) {
		line, err := rd.br.ReadSlice('\n')
		if err != nil {
			return nil, rd.inputErr(0, fmt.Errorf("read first line: %w", err))
		}
		rd.row = 1
		_ = line
		head, _ = rd.br.Peek(sniffSize)
	}
	f := o.Format
	if f == FormatAuto {
		var err error
		if f, err = Sniff(head); err != nil {
			return nil, &coinsift.InputError{Op: "detect price format", Source: name, Offset: -1, Err: err}
		}
	}
	rd.format = f
	if err := rd.init(); err != nil {
		return nil, err
	}
	return rd, nil
}

var (
	wideCol    = regexp.MustCompile(`^[A-Za-z0-9]{2,10}_[A-Za-z]{3}$`)
	pairInName = regexp.MustCompile(`(?i)(?:^|[^A-Za-z])([A-Z0-9]{2,5})[-_/]?(USD|EUR|GBP|JPY|CAD|AUD|CHF|CNY|USDT)(?:[^A-Za-z]|$)`)
	krakenName = regexp.MustCompile(`^([A-Z0-9]+)_(\d+)\.csv$`)
)

// Sniff names the format of a file from its first bytes (a few KiB are
// enough): the JSON shape, or the header line's column names, or — for the
// headerless Kraken export — seven numeric columns.
func Sniff(head []byte) (Format, error) {
	t := bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf")
	if len(t) == 0 {
		return "", fmt.Errorf("empty file: %w", ErrFormat)
	}
	if t[0] == '{' || t[0] == '[' {
		if bytes.Contains(t, []byte(`"prices"`)) {
			return FormatCoinGecko, nil
		}
		return "", fmt.Errorf("json without a \"prices\" array (not coingecko market_chart): %w", ErrFormat)
	}
	line, _, _ := bytes.Cut(t, []byte("\n"))
	line = bytes.TrimRight(line, "\r")
	fields := splitHeader(string(line))
	low := make([]string, len(fields))
	has := map[string]bool{}
	for i, f := range fields {
		low[i] = strings.ToLower(strings.TrimSpace(f))
		has[low[i]] = true
	}
	switch {
	case has["unix"] && has["symbol"] && has["open"] && has["close"]:
		return FormatBitstamp, nil
	case (has["time"] || has["date"] || has["timestamp"]) && has["base"] && has["quote"] && has["price"]:
		return FormatPlain, nil
	case has["open"] && has["high"] && has["low"] && has["close"]:
		return FormatOHLC, nil
	}
	if len(low) >= 2 && (low[0] == "date" || low[0] == "time") {
		wide, iso := true, true
		n := 0
		for _, f := range fields[1:] {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			n++
			wide = wide && wideCol.MatchString(f)
			iso = iso && isISO(f)
		}
		switch {
		case n > 0 && wide:
			return FormatWide, nil
		case n > 0 && iso:
			return FormatECB, nil
		}
	}
	numeric := len(fields) >= 6 && len(fields) <= 7
	for _, f := range fields {
		if _, err := ParseDecimal(f); err != nil {
			numeric = false
		}
	}
	if numeric {
		return FormatKraken, nil
	}
	return "", fmt.Errorf("header %q matches no known price format (want one of %v; name one with --format): %w", trunc(string(line)), Formats, ErrFormat)
}

func splitHeader(line string) []string {
	if strings.Count(line, ";") > strings.Count(line, ",") {
		return strings.Split(line, ";")
	}
	return strings.Split(line, ",")
}

func (r *Reader) init() error {
	if r.format == FormatCoinGecko {
		if r.base == "" {
			return r.inputErr(0, fmt.Errorf("coingecko market_chart files do not name their pair; give one (--pair BTC/GBP): %w", coinsift.ErrInvalid))
		}
		r.jd = json.NewDecoder(r.br)
		r.jd.UseNumber()
		return nil
	}
	head, _ := r.br.Peek(sniffSize)
	line, _, _ := bytes.Cut(head, []byte("\n"))
	r.cr = csv.NewReader(r.br)
	if strings.Count(string(line), ";") > strings.Count(string(line), ",") {
		r.cr.Comma = ';'
	}
	r.cr.FieldsPerRecord = -1
	r.cr.ReuseRecord = true
	r.cr.LazyQuotes = true
	r.cols = columns{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}
	if r.format == FormatKraken {
		if r.base == "" {
			if m := krakenName.FindStringSubmatch(filepath.Base(r.name)); m != nil {
				if b, q, ok := splitKrakenPair(m[1]); ok {
					r.base, r.quote = b, q
				}
			}
		}
		if r.base == "" {
			return r.inputErr(0, fmt.Errorf("kraken OHLCVT files have no header; give the pair (--pair BTC/GBP): %w", coinsift.ErrInvalid))
		}
		if r.opts.Interval == 0 {
			if m := krakenName.FindStringSubmatch(filepath.Base(r.name)); m != nil {
				if mins, err := strconv.Atoi(m[2]); err == nil && mins > 0 && mins <= 60*24*31 {
					r.opts.Interval = time.Duration(mins) * time.Minute
				}
			}
		}
		r.cols.time, r.cols.open, r.cols.high, r.cols.low, r.cols.close, r.cols.volume = 0, 1, 2, 3, 4, 5
		return nil
	}
	rec, err := r.read()
	if err != nil {
		if err == io.EOF {
			return r.inputErr(0, fmt.Errorf("no header: %w", ErrFormat))
		}
		return err
	}
	r.header = append([]string(nil), rec...)
	idx := map[string]int{}
	for i, h := range r.header {
		k := strings.ToLower(strings.TrimSpace(h))
		if _, dup := idx[k]; !dup {
			idx[k] = i
		}
	}
	get := func(names ...string) int {
		for _, n := range names {
			if i, ok := idx[n]; ok {
				return i
			}
		}
		return -1
	}
	c := &r.cols
	c.time = get("date", "timeopen", "time", "timestamp", "unix")
	switch r.format {
	case FormatBitstamp:
		c.time = get("unix")
		c.symbol = get("symbol")
		c.volume = -1
		for i, h := range r.header {
			if f := strings.Fields(strings.ToLower(h)); len(f) == 2 && f[0] == "volume" && c.volume < 0 {
				c.volume = i // "Volume BTC": base units
			}
		}
		if r.opts.Interval == 0 {
			r.opts.Interval = nameInterval(r.name)
		}
	case FormatOHLC:
		if r.base == "" {
			if m := pairInName.FindStringSubmatch(strings.ToUpper(filepath.Base(r.name))); m != nil {
				r.base, r.quote = normCode(m[1]), m[2]
			}
		}
		if r.base == "" {
			return r.inputErr(0, fmt.Errorf("cannot tell the pair from the file name; give one (--pair BTC/GBP): %w", coinsift.ErrInvalid))
		}
		c.volume = get("volume")
	case FormatPlain:
		c.base, c.quote, c.price, c.source = get("base"), get("quote"), get("price"), get("source")
		c.volume = get("volume")
	case FormatWide, FormatECB:
		c.time = 0
	}
	if r.format == FormatOHLC || r.format == FormatBitstamp {
		c.open, c.high, c.low, c.close = get("open"), get("high"), get("low"), get("close")
		if c.close < 0 {
			return r.inputErr(0, fmt.Errorf("%s header has no close column: %w", r.format, ErrFormat))
		}
	}
	if c.time < 0 {
		return r.inputErr(0, fmt.Errorf("%s header has no date/time column: %w", r.format, ErrFormat))
	}
	return nil
}

func splitKrakenPair(s string) (string, string, bool) {
	for _, q := range []string{"USDT", "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF"} {
		if strings.HasSuffix(s, q) && len(s) > len(q)+1 {
			return normCode(strings.TrimSuffix(s, q)), q, true
		}
	}
	return "", "", false
}

// nameInterval reads a CryptoDataDownload bar length from a file name
// ("…_d.csv", "…_1h.csv", "…_minute.csv").
func nameInterval(name string) time.Duration {
	b := strings.ToLower(strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)))
	switch {
	case strings.HasSuffix(b, "_d"), strings.HasSuffix(b, "_day"), strings.HasSuffix(b, "_daily"):
		return Day
	case strings.HasSuffix(b, "_1h"), strings.HasSuffix(b, "_hour"), strings.HasSuffix(b, "_hourly"):
		return time.Hour
	case strings.HasSuffix(b, "_minute"), strings.HasSuffix(b, "_1min"), strings.HasSuffix(b, "_m"):
		return time.Minute
	}
	return 0
}

// read reads one CSV record, tracking row, offset and raw bytes.
func (r *Reader) read() ([]string, error) {
	off := r.cr.InputOffset()
	rec, err := r.cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			r.row = int64(pe.StartLine)
			r.raw = nil
			return nil, &coinsift.InputError{Op: "read " + string(r.format), Source: r.name, Offset: off, Row: r.row, Err: fmt.Errorf("%v: %w", pe.Err, coinsift.ErrInvalid)}
		}
		r.err = &coinsift.InputError{Op: "read " + string(r.format), Source: r.name, Offset: off, Row: r.row + 1, Err: err}
		return nil, r.err
	}
	line, _ := r.cr.FieldPos(0)
	r.row = int64(line)
	r.raw = []byte(strings.Join(rec, string(r.cr.Comma)))
	if len(r.raw) > maxLine {
		r.raw = r.raw[:maxLine]
	}
	r.rows++
	if r.rows > r.opts.MaxRows {
		r.err = r.inputErr(off, fmt.Errorf("more than %d rows: %w", r.opts.MaxRows, coinsift.ErrInvalid))
		return nil, r.err
	}
	r.lastOffset = off
	return rec, nil
}

// Err returns the sticky error that ended reading, if any: after it, Next
// returns it again. A row error leaves Err nil.
func (r *Reader) Err() error {
	if r.err == io.EOF {
		return nil
	}
	return r.err
}

// Format returns the format being read.
func (r *Reader) Format() Format { return r.format }

// Source returns the source name recorded on the points.
func (r *Reader) Source() string { return r.opts.Source }

// Raw returns the bytes of the row last read (CSV fields re-joined with the
// delimiter), for quarantine.
func (r *Reader) Raw() []byte { return r.raw }

// Skipped returns how many empty cells ("N/A", "", "null" in wide and ECB
// files) were passed over: a missing rate is not an error.
func (r *Reader) Skipped() int64 { return r.skipped }

// Close closes the underlying file when the reader was made by Open.
func (r *Reader) Close() error {
	if r.closer == nil {
		return nil
	}
	c := r.closer
	r.closer = nil
	return c.Close()
}

func (r *Reader) inputErr(off int64, err error) error {
	return &coinsift.InputError{Op: "read " + string(r.format), Source: r.name, Offset: off, Row: r.row, Err: err}
}

// Next returns the next point, io.EOF at the end, or a *coinsift.InputError
// for a malformed row (reading may go on).
func (r *Reader) Next() (Point, error) {
	for {
		if len(r.pending) > 0 {
			p := r.pending[0]
			r.pending = r.pending[1:]
			return p, nil
		}
		if r.err != nil {
			return Point{}, r.err
		}
		if r.format == FormatCoinGecko {
			return r.nextGecko()
		}
		rec, err := r.read()
		if err != nil {
			return Point{}, err
		}
		if len(rec) == 0 || len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		pts, err := r.parse(rec)
		if err != nil {
			return Point{}, r.inputErr(r.lastOffset, err)
		}
		r.pending = pts
	}
}

func (r *Reader) point(t time.Time, base, quote string) Point {
	return Point{Time: t, Interval: r.opts.Interval, Base: base, Quote: quote,
		Source: r.opts.Source, Evidence: r.opts.Evidence, Row: r.row}
}

func field(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

func isNull(s string) bool {
	switch strings.ToLower(s) {
	case "", "null", "n/a", "na", "nan", "-":
		return true
	}
	return false
}

// parse turns one record into points (several for wide and ECB rows).
func (r *Reader) parse(rec []string) ([]Point, error) {
	c := r.cols
	ts := field(rec, c.time)
	var t time.Time
	var err error
	daily := false
	if r.format == FormatBitstamp || r.format == FormatKraken {
		t, err = parseEpoch(ts)
	} else {
		t, daily, err = ParseTime(ts)
	}
	if err != nil {
		return nil, err
	}
	switch r.format {
	case FormatOHLC, FormatBitstamp, FormatKraken:
		base, quote := r.base, r.quote
		if r.format == FormatBitstamp {
			if b, q, err := ParsePair(field(rec, c.symbol)); err == nil {
				base, quote = b, q
			} else if base == "" {
				return nil, err
			}
		}
		p := r.point(t, base, quote)
		if daily {
			p.Interval = Day
		}
		vals := []*Decimal{&p.Open, &p.High, &p.Low, &p.Close, &p.Volume}
		idx := []int{c.open, c.high, c.low, c.close, c.volume}
		names := []string{"open", "high", "low", "close", "volume"}
		for k, i := range idx {
			s := field(rec, i)
			if i < 0 {
				continue
			}
			if isNull(s) {
				if k == 3 {
					return nil, fmt.Errorf("close is %q: %w", s, coinsift.ErrInvalid)
				}
				continue
			}
			d, err := ParseDecimal(s)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", names[k], err)
			}
			*vals[k] = d
		}
		if err := checkBar(p); err != nil {
			return nil, err
		}
		return []Point{p}, nil
	case FormatPlain:
		b, q := field(rec, c.base), field(rec, c.quote)
		if !isCode(b) || !isCode(q) {
			return nil, fmt.Errorf("base/quote %q/%q: not currency codes: %w", trunc(b), trunc(q), coinsift.ErrInvalid)
		}
		p := r.point(t, normCode(b), normCode(q))
		if daily {
			p.Interval = Day
		}
		if s := field(rec, c.source); s != "" {
			p.Source = s
		}
		if p.Close, err = ParseDecimal(field(rec, c.price)); err != nil {
			return nil, fmt.Errorf("price: %w", err)
		}
		if s := field(rec, c.volume); c.volume >= 0 && !isNull(s) {
			if p.Volume, err = ParseDecimal(s); err != nil {
				return nil, fmt.Errorf("volume: %w", err)
			}
		}
		if p.Close.Sign() <= 0 {
			return nil, fmt.Errorf("price %s is not positive: %w", p.Close, coinsift.ErrInvalid)
		}
		return []Point{p}, nil
	case FormatWide, FormatECB:
		var out []Point
		var bad []string
		for i := 1; i < len(rec) && i < len(r.header); i++ {
			h := strings.TrimSpace(r.header[i])
			if h == "" {
				continue
			}
			s := field(rec, i)
			if isNull(s) {
				r.skipped++
				continue
			}
			var base, quote string
			if r.format == FormatECB {
				base, quote = "EUR", strings.ToUpper(h)
			} else {
				b, q, _ := strings.Cut(h, "_")
				base, quote = normCode(b), strings.ToUpper(q)
			}
			d, err := ParseDecimal(s)
			if err == nil && d.Sign() <= 0 {
				err = fmt.Errorf("not positive: %w", coinsift.ErrInvalid)
			}
			if err != nil {
				bad = append(bad, fmt.Sprintf("%s: %v", h, err))
				continue
			}
			p := r.point(t, base, quote)
			p.Interval = Day
			p.Close = d
			out = append(out, p)
		}
		if len(bad) > 0 {
			// The good cells of the row are kept; the row is reported.
			r.pending = out
			return nil, fmt.Errorf("%d bad cell(s): %s", len(bad), strings.Join(bad, "; "))
		}
		return out, nil
	}
	return nil, fmt.Errorf("format %q: %w", r.format, ErrFormat)
}

func checkBar(p Point) error {
	if p.Close.Sign() <= 0 {
		return fmt.Errorf("close %s is not positive: %w", p.Close, coinsift.ErrInvalid)
	}
	if p.Volume.Valid() && p.Volume.Sign() < 0 {
		return fmt.Errorf("volume %s is negative: %w", p.Volume, coinsift.ErrInvalid)
	}
	return nil
}

// ParseTime parses a date ("2021-06-01", daily=true), an RFC 3339 time, a
// "2006-01-02 15:04:05" UTC time or a Unix time in seconds or milliseconds.
func ParseTime(s string) (t time.Time, daily bool, err error) {
	s = strings.TrimSpace(s)
	if len(s) == 10 && s[4] == '-' {
		t, err = time.Parse(time.DateOnly, s)
		if err == nil {
			return t, true, nil
		}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00"} {
		if t, err = time.Parse(layout, s); err == nil {
			return t.UTC(), false, nil
		}
	}
	if t, err = parseEpoch(s); err == nil {
		return t, false, nil
	}
	return time.Time{}, false, fmt.Errorf("time %q: want a date, RFC 3339 or Unix time: %w", trunc(s), coinsift.ErrInvalid)
}

// parseEpoch reads Unix seconds (optionally with a fraction) or, above
// 10^11, milliseconds.
func parseEpoch(s string) (time.Time, error) {
	whole, _, _ := strings.Cut(strings.TrimSpace(s), ".")
	v, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || v < 0 || v > 1e14 {
		return time.Time{}, fmt.Errorf("unix time %q: %w", trunc(s), coinsift.ErrInvalid)
	}
	if v > 1e11 {
		return time.UnixMilli(v).UTC(), nil
	}
	return time.Unix(v, 0).UTC(), nil
}

func (r *Reader) nextGecko() (Point, error) {
	fail := func(err error) (Point, error) {
		r.err = &coinsift.InputError{Op: "read coingecko", Source: r.name, Offset: r.jd.InputOffset(), Row: r.row, Err: err}
		return Point{}, r.err
	}
	for {
		switch r.jstate {
		case 0:
			tok, err := r.jd.Token()
			if err != nil {
				return fail(fmt.Errorf("%v: %w", err, coinsift.ErrCorrupt))
			}
			if d, ok := tok.(json.Delim); ok && d == '{' {
				continue
			}
			key, ok := tok.(string)
			if !ok {
				if d, ok := tok.(json.Delim); ok && d == '}' {
					r.jstate = 2
					continue
				}
				return fail(fmt.Errorf("unexpected %v: %w", tok, coinsift.ErrCorrupt))
			}
			if key != "prices" {
				if err := skipValue(r.jd); err != nil {
					return fail(err)
				}
				continue
			}
			tok, err = r.jd.Token()
			if d, ok := tok.(json.Delim); err != nil || !ok || d != '[' {
				return fail(fmt.Errorf("\"prices\" is not an array: %w", coinsift.ErrCorrupt))
			}
			r.jstate = 1
		case 1:
			if !r.jd.More() {
				r.jd.Token() // ]
				r.jstate = 0
				r.gotPrices = true
				continue
			}
			off := r.jd.InputOffset()
			r.row++
			r.rows++
			if r.rows > r.opts.MaxRows {
				return fail(fmt.Errorf("more than %d rows: %w", r.opts.MaxRows, coinsift.ErrInvalid))
			}
			var pair []json.RawMessage
			if err := r.jd.Decode(&pair); err != nil {
				return fail(fmt.Errorf("prices[%d]: %v: %w", r.row-1, err, coinsift.ErrCorrupt))
			}
			r.raw = []byte("[" + string(bytes.Join(rawBytes(pair), []byte(","))) + "]")
			if len(pair) != 2 {
				return Point{}, r.inputErr(off, fmt.Errorf("prices[%d]: want [ms, price], got %d elements: %w", r.row-1, len(pair), coinsift.ErrInvalid))
			}
			t, err := parseEpoch(string(pair[0]))
			if err != nil {
				return Point{}, r.inputErr(off, fmt.Errorf("prices[%d]: %w", r.row-1, err))
			}
			d, err := parseJSONNumber(string(pair[1]))
			if err == nil && d.Sign() <= 0 {
				err = fmt.Errorf("price %s is not positive: %w", d, coinsift.ErrInvalid)
			}
			if err != nil {
				return Point{}, r.inputErr(off, fmt.Errorf("prices[%d]: %w", r.row-1, err))
			}
			p := r.point(t, r.base, r.quote)
			p.Interval = 0
			p.Close = d
			return p, nil
		default:
			if !r.gotPrices {
				return fail(fmt.Errorf("no \"prices\" array: %w", ErrFormat))
			}
			r.err = io.EOF
			return Point{}, io.EOF
		}
	}
}

func rawBytes(ms []json.RawMessage) [][]byte {
	out := make([][]byte, len(ms))
	for i, m := range ms {
		out[i] = m
	}
	return out
}

// parseJSONNumber parses a JSON number literal exactly, including an
// exponent ("2.5e4"), as CoinGecko writes some prices.
func parseJSONNumber(s string) (Decimal, error) {
	if !strings.ContainsAny(s, "eE") {
		return ParseDecimal(s)
	}
	mant, exp, _ := strings.Cut(strings.ToLower(s), "e")
	e, err := strconv.Atoi(exp)
	if err != nil || e < -40 || e > 40 {
		return Decimal{}, fmt.Errorf("number %q: %w", trunc(s), coinsift.ErrInvalid)
	}
	m, err := ParseDecimal(mant)
	if err != nil {
		return Decimal{}, err
	}
	r := m.Rat()
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(e))), nil))
	if e >= 0 {
		r.Mul(r, p)
	} else {
		r.Quo(r, p)
	}
	return DecimalFromRat(r), nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// skipValue skips one JSON value with bounded nesting.
func skipValue(d *json.Decoder) error {
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return fmt.Errorf("%v: %w", err, coinsift.ErrCorrupt)
		}
		if dl, ok := tok.(json.Delim); ok {
			switch dl {
			case '{', '[':
				depth++
				if depth > 64 {
					return fmt.Errorf("json nested deeper than 64: %w", coinsift.ErrInvalid)
				}
			default:
				depth--
			}
		}
		if depth == 0 {
			return nil
		}
	}
}

// sortPoints orders points by pair, source, time and row.
func sortPoints(ps []Point) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Base != b.Base {
			return a.Base < b.Base
		}
		if a.Quote != b.Quote {
			return a.Quote < b.Quote
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if !a.Time.Equal(b.Time) {
			return a.Time.Before(b.Time)
		}
		return a.Row < b.Row
	})
}
