package place

import (
	"errors"
	"fmt"
	"io/fs"
	"net/netip"

	coinsift "github.com/coinsift/coinsift"
	"github.com/oschwald/maxminddb-golang/v2"
)

// MMDB is an IPLocator over a MaxMind DB (.mmdb) file the investigator
// supplies: MaxMind GeoIP2/GeoLite2 Country or City, DB-IP, IPinfo and other
// databases in the same format. It reads the record's country.iso_code
// (GeoIP2 layout) or a top-level country string (IPinfo layout); it does not
// fall back to registered_country, which is where the ISP registered the
// block, not where the user was.
type MMDB struct {
	r    *maxminddb.Reader
	name string
}

// OpenMMDB opens (memory-maps) a .mmdb file. Close it when done. A missing
// file is an error of kind coinsift.ErrNotFound, an unreadable one of kind
// coinsift.ErrInvalid.
func OpenMMDB(path string) (*MMDB, error) {
	r, err := maxminddb.Open(path)
	if err != nil {
		kind := coinsift.ErrInvalid
		if errors.Is(err, fs.ErrNotExist) {
			kind = coinsift.ErrNotFound
		}
		return nil, fmt.Errorf("open mmdb %s: %w: %w", path, kind, err)
	}
	return newMMDB(r), nil
}

// ParseMMDB reads a .mmdb database held in memory; data must not be
// modified while the MMDB is in use.
func ParseMMDB(data []byte) (*MMDB, error) {
	r, err := maxminddb.OpenBytes(data)
	if err != nil {
		return nil, fmt.Errorf("parse mmdb: %w: %w", coinsift.ErrInvalid, err)
	}
	return newMMDB(r), nil
}

func newMMDB(r *maxminddb.Reader) *MMDB {
	name := r.Metadata.DatabaseType
	if name == "" {
		name = "mmdb"
	}
	if r.Metadata.BuildEpoch > 0 {
		name += " " + r.Metadata.BuildTime().UTC().Format("2006-01-02")
	}
	return &MMDB{r: r, name: name}
}

// Name is the database's type and build date, e.g. "GeoLite2-Country
// 2026-09-01"; it is the Detail of the signals the database answers.
func (m *MMDB) Name() string { return m.name }

// Close releases the memory map. Lookups after Close find nothing.
func (m *MMDB) Close() error {
	if err := m.r.Close(); err != nil {
		return fmt.Errorf("close mmdb %s: %w", m.name, err)
	}
	return nil
}

// Country implements IPLocator. Lookup errors (a corrupt record, an IPv6
// address in an IPv4-only database) count as no answer.
func (m *MMDB) Country(addr netip.Addr) (coinsift.Country, string, bool) {
	res := m.r.Lookup(addr.Unmap())
	if !res.Found() {
		return "", m.name, false
	}
	var iso string
	if err := res.DecodePath(&iso, "country", "iso_code"); err != nil || iso == "" {
		iso = ""
		if err := res.DecodePath(&iso, "country"); err != nil {
			return "", m.name, false
		}
	}
	c, ok := ParseCountry(iso)
	return c, m.name, ok
}
