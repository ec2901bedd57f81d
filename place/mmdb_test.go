package place_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"testing"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/place"
)

// mmdbRecord is one network of a test database and its data, already
// encoded.
type mmdbRecord struct {
	prefix string
	data   []byte
}

// mmdbString, mmdbMap and mmdbUint encode MaxMind DB data fields
// (https://maxmind.github.io/MaxMind-DB/), enough for small test files.
func mmdbString(s string) []byte { return append([]byte{2<<5 | byte(len(s))}, s...) }

func mmdbMap(kv ...[]byte) []byte {
	b := []byte{7<<5 | byte(len(kv)/2)}
	for _, x := range kv {
		b = append(b, x...)
	}
	return b
}

func mmdbUint(typ byte, v uint64) []byte {
	var be [8]byte
	binary.BigEndian.PutUint64(be[:], v)
	n := bytes.TrimLeft(be[:], "\x00")
	if typ <= 7 {
		return append([]byte{typ<<5 | byte(len(n))}, n...)
	}
	return append([]byte{byte(len(n)), typ - 7}, n...) // extended type
}

// buildMMDB writes an IPv4-only MaxMind DB with 24-bit records.
func buildMMDB(tb testing.TB, dbType string, epoch uint64, recs []mmdbRecord) []byte {
	tb.Helper()
	const empty = -1
	nodes := [][2]int{{empty, empty}}
	var data []byte
	type leaf struct{ node, side, off int }
	var leaves []leaf
	for _, r := range recs {
		p := netip.MustParsePrefix(r.prefix)
		a := p.Addr().As4()
		ip := binary.BigEndian.Uint32(a[:])
		n := 0
		for i := 0; i < p.Bits(); i++ {
			side := int(ip>>(31-i)) & 1
			if i == p.Bits()-1 {
				leaves = append(leaves, leaf{n, side, len(data)})
				nodes[n][side] = -2
				break
			}
			if nodes[n][side] < 0 {
				nodes = append(nodes, [2]int{empty, empty})
				nodes[n][side] = len(nodes) - 1
			}
			n = nodes[n][side]
		}
		data = append(data, r.data...)
	}
	count := len(nodes)
	for _, l := range leaves {
		nodes[l.node][l.side] = count + 16 + l.off
	}
	var out []byte
	for _, nd := range nodes {
		for _, v := range nd {
			if v == empty {
				v = count
			}
			out = append(out, byte(v>>16), byte(v>>8), byte(v))
		}
	}
	out = append(out, make([]byte, 16)...)
	out = append(out, data...)
	out = append(out, "\xab\xcd\xefMaxMind.com"...)
	out = append(out, mmdbMap(
		mmdbString("binary_format_major_version"), mmdbUint(5, 2),
		mmdbString("binary_format_minor_version"), mmdbUint(5, 0),
		mmdbString("build_epoch"), mmdbUint(9, epoch),
		mmdbString("database_type"), mmdbString(dbType),
		mmdbString("description"), mmdbMap(),
		mmdbString("ip_version"), mmdbUint(5, 4),
		mmdbString("languages"), []byte{0, 4}, // empty array
		mmdbString("node_count"), mmdbUint(6, uint64(count)),
		mmdbString("record_size"), mmdbUint(5, 24),
	)...)
	return out
}

func testMMDB(tb testing.TB) []byte {
	geo := func(cc string) []byte {
		return mmdbMap(mmdbString("country"), mmdbMap(mmdbString("iso_code"), mmdbString(cc)))
	}
	return buildMMDB(tb, "Test-Country", 1788220800, []mmdbRecord{ // 2026-09-01
		{"81.128.0.0/11", geo("GB")},
		{"145.53.0.0/16", mmdbMap(mmdbString("country"), mmdbString("NL"))}, // IPinfo layout
		{"1.2.3.0/24", geo("ZZ")},
		{"5.6.0.0/16", mmdbMap(mmdbString("registered_country"), mmdbMap(mmdbString("iso_code"), mmdbString("DE")))},
	})
}

func TestMMDB(t *testing.T) {
	path := filepath.Join(t.TempDir(), "test.mmdb")
	if err := os.WriteFile(path, testMMDB(t), 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := place.OpenMMDB(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, want := db.Name(), "Test-Country 2026-09-01"; got != want {
		t.Errorf("Name() = %q; want %q", got, want)
	}
	tests := []struct {
		addr string
		want coinsift.Country
	}{
		{"81.128.0.1", "GB"},
		{"81.159.255.254", "GB"},
		{"::ffff:81.130.1.1", "GB"},
		{"81.160.0.1", ""},   // outside the /11
		{"145.53.9.9", "NL"}, // top-level country string
		{"1.2.3.4", ""},      // unknown code
		{"5.6.7.8", ""},      // registered_country only
		{"8.8.8.8", ""},      // not in the database
		{"2a00:23c4::1", ""}, // IPv6 in an IPv4-only database
	}
	for _, tt := range tests {
		s, ok := place.IP(db, netip.MustParseAddr(tt.addr))
		if ok != (tt.want != "") || s.Country != tt.want {
			t.Errorf("IP(mmdb, %s) = %+v, %v; want %q", tt.addr, s, ok, tt.want)
		}
		if ok && s.Detail != "Test-Country 2026-09-01" {
			t.Errorf("IP(mmdb, %s).Detail = %q; want the database name", tt.addr, s.Detail)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestParseMMDBCorrupt(t *testing.T) {
	good := testMMDB(t)
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"garbage", []byte("not a maxmind database at all")},
		{"truncated", good[:len(good)/2]},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := place.ParseMMDB(tt.data)
			if !errors.Is(err, coinsift.ErrInvalid) {
				t.Fatalf("ParseMMDB(%s) error = %v; want ErrInvalid", tt.name, err)
			}
		})
	}
	if _, err := place.OpenMMDB(filepath.Join(t.TempDir(), "missing.mmdb")); !errors.Is(err, coinsift.ErrNotFound) {
		t.Fatalf("OpenMMDB(missing) error = %v; want ErrNotFound", err)
	}
}
