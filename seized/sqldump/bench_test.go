package sqldump_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/coinsift/coinsift/seized/sqldump"
)

// callsDump generates a mysqldump-style dump of n call-log rows, about 95
// bytes per row as in the iSpoof call table, with extended INSERTs of ~1 MB.
func callsDump(n int) []byte {
	var b bytes.Buffer
	b.WriteString("/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n")
	b.WriteString("CREATE TABLE `calls` (\n  `id` bigint(20) NOT NULL,\n  `user_id` int(11) NOT NULL,\n  `caller_id` varchar(32) DEFAULT NULL,\n  `destination` varchar(32) DEFAULT NULL,\n  `started_at` datetime DEFAULT NULL,\n  `duration` int(11) DEFAULT NULL,\n  `status` varchar(16) DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n")
	rng := rand.New(rand.NewPCG(1, 2))
	statuses := []string{"answered", "no-answer", "busy", "failed"}
	for i := 0; i < n; i++ {
		if i%10000 == 0 {
			if i > 0 {
				b.WriteString(";\n")
			}
			b.WriteString("INSERT INTO `calls` VALUES ")
		} else {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "(%d,%d,'+4420%08d','07%09d','2022-%02d-%02d %02d:%02d:%02d',%d,'%s')",
			i+1, rng.IntN(59000)+1, rng.IntN(1e8), rng.IntN(1e9), rng.IntN(12)+1, rng.IntN(28)+1,
			rng.IntN(24), rng.IntN(60), rng.IntN(60), rng.IntN(3600), statuses[rng.IntN(4)])
	}
	b.WriteString(";\n")
	return b.Bytes()
}

func BenchmarkSQLDumpParse(b *testing.B) {
	const rows = 200_000
	plain := callsDump(rows)
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	zw.Write(plain)
	zw.Close()
	for _, tc := range []struct {
		name string
		in   []byte
	}{{"plain", plain}, {"gzip", gz.Bytes()}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(plain)))
			b.ReportAllocs()
			for b.Loop() {
				r, err := sqldump.NewReader(bytes.NewReader(tc.in), nil)
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				for {
					ev, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					if ev == sqldump.EventRow {
						n++
					}
				}
				if n != rows {
					b.Fatalf("read %d rows, want %d", n, rows)
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
