package sqldump_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized/sqldump"
)

// endingDump is a small dump as mariadb-dump writes it, with many rows so
// that its gzip stream spans several deflate blocks.
func endingDump(header bool) []byte {
	var b bytes.Buffer
	if header {
		b.WriteString("-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB, for debian-linux-gnu (x86_64)\n--\n")
	}
	b.WriteString("CREATE TABLE `users` (`id` int, `name` varchar(20));\n")
	for i := 0; i < 200; i++ {
		b.WriteString("INSERT INTO `users` VALUES (1,'alice'),(2,'bob'),(3,'carol'),(4,'dave');\n")
	}
	b.WriteString("CREATE TABLE `payments` (`id` int, `txid` char(64));\n")
	for i := 0; i < 4000; i++ {
		b.WriteString("INSERT INTO `payments` VALUES (")
		b.WriteString(strings.Repeat("7", 1+i%5))
		b.WriteString(",'")
		for k := 0; k < 8; k++ {
			b.WriteString("0123456789abcdef"[((i*7 + k*13) % 16) : ((i*7+k*13)%16)+1])
		}
		b.WriteString("');\n")
	}
	if header {
		b.WriteString("/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n\n-- Dump completed on 2022-11-24  6:00:00\n")
	}
	return b.Bytes()
}

func gzipped(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// readEnding reads in to the end and returns how it ended.
func readEnding(t *testing.T, in []byte) sqldump.Ending {
	t.Helper()
	r, err := sqldump.NewReader(bytes.NewReader(in), &sqldump.Options{BufferSize: 4096})
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	defer r.Close()
	for {
		_, err := r.Next()
		if err == io.EOF {
			break
		}
		var re *sqldump.RowError
		if err != nil && !errors.As(err, &re) {
			t.Fatalf("Next: %v", err)
		}
	}
	return r.Ending()
}

func TestEnding(t *testing.T) {
	full := endingDump(true)
	gz := gzipped(full)
	cutPlain := full[:len(full)/2]
	cutGz := gz[:len(gz)/2]
	tests := []struct {
		name      string
		in        []byte
		truncated bool
		gzipShort bool
		reason    string
		completed string
		fileOff   int64
		lastTable string
	}{
		{name: "whole plain", in: full, completed: "2022-11-24  6:00:00", fileOff: int64(len(full)), lastTable: "payments"},
		{name: "whole gzip", in: gz, completed: "2022-11-24  6:00:00", fileOff: int64(len(gz)), lastTable: "payments"},
		{name: "plain cut in half", in: cutPlain, truncated: true, reason: "dump has no completion line", fileOff: int64(len(cutPlain)), lastTable: "payments"},
		{name: "gzip cut in half", in: cutGz, truncated: true, gzipShort: true, reason: "gzip stream ends early", fileOff: int64(len(cutGz)), lastTable: "payments"},
		{name: "gzip cut in the first table", in: gzipped(full)[:200], truncated: true, gzipShort: true, reason: "gzip stream ends early", fileOff: 200, lastTable: "users"},
		// Without a dump tool's header, no completion line is expected.
		{name: "no header, plain", in: endingDump(false), fileOff: int64(len(endingDump(false))), lastTable: "payments"},
		{name: "no header, gzip cut", in: gzipped(endingDump(false))[:400], truncated: true, gzipShort: true, reason: "gzip stream ends early", fileOff: 400, lastTable: "payments"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := readEnding(t, tc.in)
			if e.Truncated != tc.truncated || e.GzipShort != tc.gzipShort || e.Reason != tc.reason {
				t.Errorf("truncated %v gzip %v reason %q, want %v %v %q", e.Truncated, e.GzipShort, e.Reason, tc.truncated, tc.gzipShort, tc.reason)
			}
			if e.Completed != tc.completed {
				t.Errorf("completed %q, want %q", e.Completed, tc.completed)
			}
			if e.FileOffset != tc.fileOff {
				t.Errorf("file offset %d, want %d", e.FileOffset, tc.fileOff)
			}
			if e.LastTable != tc.lastTable {
				t.Errorf("last table %q, want %q", e.LastTable, tc.lastTable)
			}
		})
	}
}
