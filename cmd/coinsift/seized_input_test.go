package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// inputDump returns a dump as mariadb-dump writes it: a header, two tables
// (users, then payments) and the completion line.
func inputDump() []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	b.WriteString("-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)\n--\n-- Host: localhost    Database: shop\n")
	b.WriteString("/*!40101 SET NAMES utf8mb4 */;\n")
	b.WriteString("CREATE TABLE `users` (\n  `id` int(11) NOT NULL,\n  `username` varchar(32) DEFAULT NULL\n);\n")
	for i := 1; i <= 2000; i++ {
		fmt.Fprintf(&b, "INSERT INTO `users` VALUES (%d,'user%x');\n", i, rng.Uint64())
	}
	b.WriteString("CREATE TABLE `payments` (\n  `id` int(11) NOT NULL,\n  `user_id` int(11) DEFAULT NULL,\n  `txid` char(64) DEFAULT NULL\n);\n")
	for i := 1; i <= 2000; i++ {
		fmt.Fprintf(&b, "INSERT INTO `payments` VALUES (%d,%d,'%016x%016x%016x%016x');\n", i, 1+i%2000, rng.Uint64(), rng.Uint64(), rng.Uint64(), rng.Uint64())
	}
	b.WriteString("/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n\n-- Dump completed on 2022-11-24  6:00:00\n")
	return b.Bytes()
}

func gzipBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestSeizedBadInput: a truncated dump is said plainly at inspect and load
// (exit 3, the cut in the quarantine); a file that is no export is refused
// at inspect and load with what it looks like, and is not registered as
// evidence.
func TestSeizedBadInput(t *testing.T) {
	dir := t.TempDir()
	dump := inputDump()
	gz := gzipBytes(t, dump)
	// Cut the plain dump in the users table: payments is missing.
	cutPlain := dump[:bytes.Index(dump, []byte("CREATE TABLE `payments`"))-200]
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x04\x00\x00\x00\x04\x08\x02\x00\x00\x00&\x93\t)")
	files := map[string][]byte{
		"whole.sql.gz":   gz,
		"cut.sql.gz":     gz[:len(gz)/2],
		"cut.sql":        cutPlain,
		"shot.png":       png,
		"shot.png.gz":    gzipBytes(t, png),
		"blk00000.dat":   append([]byte("\xfa\xbf\xb5\xda\x1d\x01\x00\x00"), make([]byte, 285)...),
		"random.bin":     bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef, 0x01, 0x80}, 300),
		"notes.csv":      []byte("id,name\n1,caf\xe9\n2,bob\n"), // latin1 text is text
		"users.csv":      []byte("id,username\n1,alice\n2,bob\n"),
		"payments.jsonl": []byte(`{"id":1,"txid":"ab"}` + "\n"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		file    string
		code    int    // exit status of load (and of inspect unless inspOK)
		inspOK  bool   // inspect exits 0
		stderr  string // in the error line of inspect and load
		rows    int64  // rows loaded
		quarant string // in a quarantine reason, "" for none
	}{
		{file: "whole.sql.gz", code: exitOK, rows: 4000},
		{file: "cut.sql.gz", code: exitQuarantined, stderr: fmt.Sprintf("cut.sql.gz: truncated at byte %d (gzip stream ends early): table payments may be incomplete and the tables after it are missing", len(gz)/2),
			quarant: "gzip stream ends early"},
		{file: "cut.sql", code: exitQuarantined, stderr: fmt.Sprintf("cut.sql: truncated at byte %d (dump has no completion line): table users may be incomplete and the tables after it are missing", len(cutPlain)),
			quarant: "dump has no completion line"},
		{file: "shot.png", code: exitError, stderr: "shot.png: not a database dump, CSV/TSV or JSON-lines file: it looks like a PNG image"},
		{file: "shot.png.gz", code: exitError, stderr: "it looks like a PNG image"},
		{file: "blk00000.dat", code: exitError, stderr: "it looks like a Bitcoin block file (regtest; use 'chain import')"},
		{file: "random.bin", code: exitError, stderr: "it looks like binary data"},
		{file: "notes.csv", code: exitQuarantined, inspOK: true, rows: 1}, // its latin1 row is quarantined at load, not refused
		{file: "users.csv", code: exitOK, rows: 2},
		{file: "payments.jsonl", code: exitOK, rows: 1},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			_, errs, code := cli(t, "seized", "inspect", path)
			want := tc.code
			if tc.inspOK {
				want = exitOK
			}
			if code != want || !strings.Contains(errs, tc.stderr) {
				t.Errorf("inspect: exit %d, stderr %q; want exit %d and %q", code, errs, want, tc.stderr)
			}
			caseDir := newCase(t)
			_, errs, code = cli(t, "--case", caseDir, "seized", "load", path)
			if code != tc.code || !strings.Contains(errs, tc.stderr) {
				t.Errorf("load: exit %d, stderr %q; want exit %d and %q", code, errs, tc.code, tc.stderr)
			}
			c, err := openForTest(caseDir)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			evs, err := c.EvidenceList()
			if err != nil {
				t.Fatal(err)
			}
			if refused := tc.code == exitError; refused != (len(evs) == 0) {
				t.Errorf("%d evidence record(s) after a load that exited %d", len(evs), code)
			}
			var rows int64
			if len(evs) > 0 {
				rows = queryInt(t, c.DB(), `SELECT rows FROM seized_loads`)
			}
			if rows < tc.rows || (tc.quarant == "" && rows != tc.rows) {
				t.Errorf("%d row(s) loaded, want %d", rows, tc.rows)
			}
			n := queryInt(t, c.DB(), `SELECT count(*) FROM quarantine WHERE reason LIKE '%truncated at byte%'`)
			if want := map[bool]int64{true: 1, false: 0}[tc.quarant != ""]; n != want {
				t.Errorf("%d truncation item(s) in the quarantine, want %d", n, want)
			}
			if tc.quarant != "" {
				if n := queryInt(t, c.DB(), `SELECT count(*) FROM quarantine WHERE reason LIKE ?`, "%"+tc.quarant+"%"); n != 1 {
					t.Errorf("no quarantine item says %q", tc.quarant)
				}
			}
		})
	}
}
