package seized_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/coinsift/coinsift/seized"
	"github.com/google/go-cmp/cmp"
)

// mariadb is a private MariaDB server started on a temporary data directory.
type mariadb struct {
	socket string
	cmd    *exec.Cmd
}

// MustStartMariaDB starts mariadbd for the test, or skips the test when
// COINSIFT_MARIADB is not set or the binaries are missing.
func MustStartMariaDB(tb testing.TB) *mariadb {
	tb.Helper()
	if os.Getenv("COINSIFT_MARIADB") == "" {
		tb.Skip("set COINSIFT_MARIADB=1 to run against a real MariaDB (apt-get install mariadb-server mariadb-client)")
	}
	for _, bin := range []string{"mariadbd", "mariadb-install-db", "mariadb-dump", "mariadb"} {
		if _, err := exec.LookPath(bin); err != nil {
			if _, err := os.Stat("/usr/sbin/" + bin); err != nil {
				tb.Skipf("%s not installed: apt-get install mariadb-server mariadb-client", bin)
			}
		}
	}
	os.Setenv("PATH", os.Getenv("PATH")+":/usr/sbin")
	dir := tb.TempDir()
	data := filepath.Join(dir, "data")
	m := &mariadb{socket: filepath.Join(dir, "s.sock")}
	install := exec.Command("mariadb-install-db", "--no-defaults", "--datadir="+data, "--user=root",
		"--auth-root-authentication-method=normal", "--skip-test-db")
	if out, err := install.CombinedOutput(); err != nil {
		tb.Fatalf("mariadb-install-db: %v\n%s", err, out)
	}
	m.cmd = exec.Command("mariadbd", "--no-defaults", "--datadir="+data, "--socket="+m.socket, "--skip-networking",
		"--user=root", "--pid-file="+filepath.Join(dir, "pid"), "--log-error="+filepath.Join(dir, "err.log"),
		"--innodb-buffer-pool-size=64M", "--max-allowed-packet=64M")
	if err := m.cmd.Start(); err != nil {
		tb.Fatalf("mariadbd: %v", err)
	}
	tb.Cleanup(func() {
		m.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { m.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			m.cmd.Process.Kill()
		}
	})
	for i := 0; ; i++ {
		if _, err := m.query("SELECT 1"); err == nil {
			break
		}
		if i > 300 {
			log, _ := os.ReadFile(filepath.Join(dir, "err.log"))
			tb.Fatalf("mariadbd did not start:\n%s", log)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return m
}

// query runs SQL with the mariadb client and returns its raw batch output.
func (m *mariadb) query(sql string) (string, error) {
	cmd := exec.Command("mariadb", "--no-defaults", "-S", m.socket, "-uroot", "--batch", "--raw", "--skip-column-names")
	cmd.Stdin = strings.NewReader(sql)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("mariadb: %v: %s", err, out)
	}
	return string(out), nil
}

// hostileSQL creates tables holding values that break naive dump parsers.
const hostileSQL = `
SET sql_mode = '';
SET time_zone = '+00:00';
CREATE DATABASE hostile CHARACTER SET utf8mb4;
USE hostile;
CREATE TABLE txt (
  id INT PRIMARY KEY,
  s TEXT CHARACTER SET utf8mb4,
  l VARCHAR(200) CHARACTER SET latin1,
  big LONGTEXT
) DEFAULT CHARSET=utf8mb4;
INSERT INTO txt VALUES
  (1, 'O''Brien "quoted" \\back\\slash', 'caf\xe9', NULL),
  (2, CONCAT('nul', CHAR(0), 'byte', CHAR(10), 'nl', CHAR(13), 'cr', CHAR(9), 'tab', CHAR(26), 'ctrlz', CHAR(8), 'bs'), UNHEX('808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0FF'), ''),
  (3, 'emoji 😀🇬🇧 and ‮rtl', UNHEX('00FFFE'), REPEAT('x\\''', 350000)),
  (4, '%_ like \\% \\_ ;),( -- /* */ #', NULL, NULL),
  (5, NULL, 'ascii', REPEAT('a', 1048576)),
  (6, '', '', '');
CREATE TABLE bin (
  id INT PRIMARY KEY,
  b LONGBLOB,
  vb VARBINARY(64),
  fb BINARY(4)
);
INSERT INTO bin VALUES
  (1, UNHEX('000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F5C27225C5C'), UNHEX('FF00FF'), UNHEX('00000000')),
  (2, RANDOM_BYTES(1024), UNHEX(''), 'ab'),
  (3, NULL, NULL, NULL),
  (4, REPEAT(UNHEX('00FF5C27'), 262144), 'x', UNHEX('5C5C5C5C'));
CREATE TABLE num (
  id INT PRIMARY KEY,
  i BIGINT,
  u BIGINT UNSIGNED,
  d DECIMAL(38,10),
  t TINYINT,
  bt BIT(12),
  f DOUBLE
);
INSERT INTO num VALUES
  (1, -9223372036854775808, 18446744073709551615, -1234567890123456789012345678.0123456789, -128, b'101010101010', -1.5),
  (2, 9223372036854775807, 0, 0.0000000001, 127, b'0', 1e300),
  (3, 0, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE tim (
  id INT PRIMARY KEY,
  ts TIMESTAMP NULL DEFAULT NULL,
  dt DATETIME,
  d DATE,
  dt6 DATETIME(6)
);
INSERT INTO tim VALUES
  (1, '2022-11-24 09:30:00', '2022-11-24 09:30:00', '2022-11-24', '2022-11-24 09:30:00.123456'),
  (2, NULL, '0000-00-00 00:00:00', '0000-00-00', NULL),
  (3, '2038-01-19 03:14:07', '9999-12-31 23:59:59', '1000-01-01', '1970-01-01 00:00:00.000001');
`

// column kinds for comparison.
const (
	cText = iota
	cBin
	cNum
	cBit
	cTime
)

var hostileTables = []struct {
	name string
	cols []string
	kind []int
}{
	{"txt", []string{"s", "l", "big"}, []int{cText, cText, cText}},
	{"bin", []string{"b", "vb", "fb"}, []int{cBin, cBin, cBin}},
	{"num", []string{"i", "u", "d", "t", "bt", "f"}, []int{cNum, cNum, cNum, cNum, cBit, cNum}},
	{"tim", []string{"ts", "dt", "d", "dt6"}, []int{cTime, cTime, cTime, cTime}},
}

func TestMariaDBRoundTrip(t *testing.T) {
	m := MustStartMariaDB(t)
	if _, err := m.query(hostileSQL); err != nil {
		t.Fatal(err)
	}
	// What the server returns for SELECT, per table: one line per row.
	// A dump made with --default-character-set=latin1 holds '?' for what
	// latin1 cannot represent: that is what the file says, so it is what
	// coinsift must load.
	want := map[string]string{}
	wantLatin1 := map[string]string{}
	for _, tb := range hostileTables {
		want[tb.name] = m.mustSelect(t, tb.name, tb.cols, tb.kind, "utf8mb4")
		wantLatin1[tb.name] = m.mustSelect(t, tb.name, tb.cols, tb.kind, "latin1")
	}
	optionSets := [][]string{
		{},
		{"--skip-extended-insert"},
		{"--hex-blob"},
		{"--compact"},
		{"--complete-insert"},
		{"--hex-blob", "--skip-extended-insert", "--complete-insert"},
		{"--default-character-set=latin1"},
	}
	for _, opts := range optionSets {
		name := strings.Join(opts, " ")
		if name == "" {
			name = "default"
		}
		t.Run(name, func(t *testing.T) {
			dump := filepath.Join(t.TempDir(), "dump.sql")
			args := append([]string{"--no-defaults", "-S", m.socket, "-uroot", "--databases", "hostile", "--result-file=" + dump}, opts...)
			if out, err := exec.Command("mariadb-dump", args...).CombinedOutput(); err != nil {
				t.Fatalf("mariadb-dump: %v\n%s", err, out)
			}
			checkSkipTable(t, dump)
			c := MustInit(t)
			ev := MustEvidence(t, c, dump)
			res, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if res.Quarantined != 0 {
				t.Errorf("Load quarantined %d rows: %s", res.Quarantined, query(t, c.DB(), "SELECT reason, byte_offset FROM quarantine"))
			}
			for _, tb := range hostileTables {
				var exprs []string
				for i, col := range tb.cols {
					switch tb.kind[i] {
					case cText, cBin:
						exprs = append(exprs, `hex("`+col+`")`)
					case cBit:
						exprs = append(exprs, `CASE WHEN "`+col+`" IS NULL THEN NULL ELSE hex("`+col+`") END`)
					default:
						exprs = append(exprs, `"`+col+`"`)
					}
				}
				got := query(t, c.DB(), `SELECT id, `+strings.Join(exprs, ", ")+` FROM src_hostile_`+tb.name+` ORDER BY CAST(id AS BIGINT)`)
				got = normalize(got, tb.kind, true)
				w := want[tb.name]
				if strings.Contains(name, "latin1") {
					w = wantLatin1[tb.name]
				}
				w = normalize(strings.ReplaceAll(w, "\t", "|"), tb.kind, false)
				if diff := cmp.Diff(w, got); diff != "" {
					if len(diff) > 4000 {
						diff = diff[:4000]
					}
					t.Errorf("table %s: loaded values differ from SELECT (-mariadb +coinsift):\n%s", tb.name, diff)
				}
			}
		})
	}
}

// mustSelect returns what the server returns for SELECT of a hostile table,
// text converted through charset as a dump in that charset would hold it.
func (m *mariadb) mustSelect(tb testing.TB, table string, cols []string, kinds []int, charset string) string {
	tb.Helper()
	var exprs []string
	for i, c := range cols {
		switch kinds[i] {
		case cText:
			exprs = append(exprs, "HEX(CONVERT(CONVERT(`"+c+"` USING "+charset+") USING utf8mb4))")
		case cBin:
			exprs = append(exprs, "HEX(`"+c+"`)")
		case cBit:
			exprs = append(exprs, "`"+c+"`+0")
		default:
			exprs = append(exprs, "CAST(`"+c+"` AS CHAR)")
		}
	}
	out, err := m.query("SET time_zone='+00:00'; SELECT id, " + strings.Join(exprs, ", ") + " FROM hostile." + table + " ORDER BY id")
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// normalize makes the two renderings comparable: bit values become
// integers, hex is upper case, empty hex of NULL reads NULL.
func normalize(s string, kinds []int, hexBits bool) string {
	var out []string
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		f := strings.Split(line, "|")
		for i := 1; i < len(f) && i-1 < len(kinds); i++ {
			switch kinds[i-1] {
			case cText, cBin:
				f[i] = strings.ToUpper(f[i])
			case cBit:
				if f[i] != "NULL" && hexBits {
					var v uint64
					fmt.Sscanf(f[i], "%x", &v)
					f[i] = fmt.Sprint(v)
				}
			}
		}
		out = append(out, strings.Join(f, "|"))
	}
	return strings.Join(out, "\n") + "\n"
}

// checkSkipTable inspects dump in full and sampling one row per table: the
// rows skipped after the sample must be counted exactly, and without
// counting they must be skipped only when the dump has a dump tool's header.
func checkSkipTable(t *testing.T, dump string) {
	t.Helper()
	ctx := context.Background()
	full, err := seized.Inspect(ctx, dump, seized.InspectOptions{})
	if err != nil {
		t.Fatalf("Inspect: %v", err)
	}
	counted, err := seized.Inspect(ctx, dump, seized.InspectOptions{SampleRows: 1})
	if err != nil {
		t.Fatalf("Inspect(SampleRows: 1): %v", err)
	}
	skipped, err := seized.Inspect(ctx, dump, seized.InspectOptions{SampleRows: 1, SkipCount: true})
	if err != nil {
		t.Fatalf("Inspect(SampleRows: 1, SkipCount): %v", err)
	}
	head, _ := os.ReadFile(dump)
	tool := bytes.HasPrefix(head, []byte("-- MariaDB dump "))
	if len(counted.Tables) != len(full.Tables) || len(skipped.Tables) != len(full.Tables) {
		t.Fatalf("tables: full %d, counted %d, skipped %d", len(full.Tables), len(counted.Tables), len(skipped.Tables))
	}
	if counted.BadRows != full.BadRows {
		t.Errorf("bad rows: counted %d, full %d", counted.BadRows, full.BadRows)
	}
	for i, ft := range full.Tables {
		if ct := counted.Tables[i]; ct.Rows != ft.Rows || ct.RowsAtLeast {
			t.Errorf("table %s: Inspect(SampleRows: 1) rows = %d (at least %v); want %d", ft.Name, ct.Rows, ct.RowsAtLeast, ft.Rows)
		}
		st := skipped.Tables[i]
		wantSkip := tool && ft.Rows > 1
		if st.RowsAtLeast != wantSkip || (!wantSkip && st.Rows != ft.Rows) || st.Rows > ft.Rows {
			t.Errorf("table %s: Inspect(SkipCount) rows = %d (at least %v); want %d (at least %v)", ft.Name, st.Rows, st.RowsAtLeast, ft.Rows, wantSkip)
		}
	}
}
