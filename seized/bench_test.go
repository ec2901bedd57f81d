package seized_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
)

// writeCallsDump writes a mysqldump-style dump of n call rows to a file.
func writeCallsDump(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "calls.sql")
	var b strings.Builder
	b.WriteString("/*!40101 SET NAMES utf8mb4 */;\nCREATE TABLE `calls` (`id` bigint, `user_id` int, `caller_id` varchar(32), `destination` varchar(32), `started_at` datetime, `duration` int, `status` varchar(16));\n")
	rng := rand.New(rand.NewPCG(1, 2))
	st := []string{"answered", "no-answer", "busy", "failed"}
	for i := 0; i < n; i++ {
		if i%10000 == 0 {
			if i > 0 {
				b.WriteString(";\n")
			}
			b.WriteString("INSERT INTO `calls` VALUES ")
		} else {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "(%d,%d,'+4420%08d','07%09d','2022-%02d-%02d %02d:%02d:%02d',%d,'%s')", i+1, rng.IntN(59000)+1,
			rng.IntN(1e8), rng.IntN(1e9), rng.IntN(12)+1, rng.IntN(28)+1, rng.IntN(24), rng.IntN(60), rng.IntN(60), rng.IntN(3600), st[rng.IntN(4)])
	}
	b.WriteString(";\n")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkLoad measures seized.Load of call rows into a case (raw tables).
func BenchmarkLoad(b *testing.B) {
	const rows = 500_000
	path := writeCallsDump(b, rows)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	for b.Loop() {
		b.StopTimer()
		c := MustInit(b)
		ev := MustEvidence(b, c, path)
		b.StartTimer()
		res, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{})
		if err != nil || res.Rows != rows {
			b.Fatalf("Load = %+v, %v", res, err)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkLoadMapped measures seized.Load of call rows with a mapping to
// the canonical calls table.
func BenchmarkLoadMapped(b *testing.B) {
	const rows = 200_000
	path := writeCallsDump(b, rows)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	m, err := mapping.Read(strings.NewReader(`version: 1
region: GB
tables:
  - source: calls
    target: calls
    columns:
      account_key: {column: user_id}
      caller_id: {column: caller_id}
      destination: {column: destination}
      started_at: {column: started_at, unit: datetime}
      duration_s: {column: duration}
      status: {column: status}
`))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		b.StopTimer()
		c := MustInit(b)
		ev := MustEvidence(b, c, path)
		b.StartTimer()
		res, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{Mapper: m})
		if err != nil || res.Rows != rows || res.Canonical["calls"] != rows {
			b.Fatalf("Load = %+v, %v", res, err)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
