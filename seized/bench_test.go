package seized_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/coinsift/coinsift/seized"
	"github.com/coinsift/coinsift/seized/mapping"
)

// benchRows is the call rows of the load benchmarks: the raw and the
// mapped benchmarks load the same dump.
const benchRows = 200_000

// Destinations of the generated calls (writeCallsDump).
const (
	destE164     = "e164"     // E.164, a pool of 50,000 numbers called again and again
	destNational = "national" // national format (07…), never repeated: every one goes through libphonenumber
)

// writeCallsDump writes a mysqldump-style dump of n call rows to a file,
// with destinations of the given kind.
func writeCallsDump(tb testing.TB, n int, dest string) string {
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
		d := fmt.Sprintf("07%09d", rng.IntN(1e9))
		if dest == destE164 {
			d = fmt.Sprintf("+447%09d", rng.IntN(50000)*7919)
		}
		fmt.Fprintf(&b, "(%d,%d,'+4420%08d','%s','2022-%02d-%02d %02d:%02d:%02d',%d,'%s')", i+1, rng.IntN(59000)+1,
			rng.IntN(1e8), d, rng.IntN(12)+1, rng.IntN(28)+1, rng.IntN(24), rng.IntN(60), rng.IntN(60), rng.IntN(3600), st[rng.IntN(4)])
	}
	b.WriteString(";\n")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// callsBenchMapping maps the benchmark's calls table to canonical calls.
const callsBenchMapping = `version: 1
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
`

// loadOnce loads path into a new case (with mapper m, if not nil) and
// returns the time Load took.
func loadOnce(b *testing.B, path string, m seized.Mapper) time.Duration {
	b.Helper()
	c := MustInit(b)
	ev := MustEvidence(b, c, path)
	start := time.Now()
	res, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{Mapper: m})
	took := time.Since(start)
	if err != nil || res.Rows != benchRows || (m != nil && res.Canonical["calls"] != benchRows) {
		b.Fatalf("Load = %+v, %v", res, err)
	}
	return took
}

func benchMapping(b *testing.B) seized.Mapper {
	b.Helper()
	m, err := mapping.Read(strings.NewReader(callsBenchMapping))
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// benchLoad measures seized.Load of benchRows call rows (destinations of
// kind dest) into a case, with mapper m if not nil.
func benchLoad(b *testing.B, dest string, m seized.Mapper) {
	path := writeCallsDump(b, benchRows, dest)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	for b.Loop() {
		b.StopTimer()
		c := MustInit(b)
		ev := MustEvidence(b, c, path)
		b.StartTimer()
		res, err := seized.Load(context.Background(), c, ev, seized.LoadOptions{Mapper: m})
		if err != nil || res.Rows != benchRows || (m != nil && res.Canonical["calls"] != benchRows) {
			b.Fatalf("Load = %+v, %v", res, err)
		}
	}
	b.ReportMetric(float64(benchRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkLoadRaw measures seized.Load of call rows into a case (raw
// tables only).
func BenchmarkLoadRaw(b *testing.B) {
	benchLoad(b, destE164, nil)
}

// BenchmarkLoadMapped measures seized.Load of the same call rows with a
// mapping to the canonical calls table: E.164 destinations (as services
// store them) and national ones never repeated (every one parsed by
// libphonenumber: the worst case).
func BenchmarkLoadMapped(b *testing.B) {
	for _, dest := range []string{destE164, destNational} {
		b.Run(dest, func(b *testing.B) { benchLoad(b, dest, benchMapping(b)) })
	}
}

// BenchmarkLoadMappedRatio loads the same dump raw and mapped, one after
// the other in each iteration, and reports the median of the ratios
// mapped/raw: on a shared machine whose speed varies from minute to
// minute, only times measured side by side compare (the goal is ≤ 1.3).
func BenchmarkLoadMappedRatio(b *testing.B) {
	for _, dest := range []string{destE164, destNational} {
		b.Run(dest, func(b *testing.B) {
			path := writeCallsDump(b, benchRows, dest)
			m := benchMapping(b)
			var ratios []float64
			for i := 0; b.Loop(); i++ {
				// Alternate which goes first, so that neither always
				// meets a warmer or a busier machine.
				var raw, mapped time.Duration
				if i%2 == 0 {
					raw, mapped = loadOnce(b, path, nil), loadOnce(b, path, m)
				} else {
					mapped, raw = loadOnce(b, path, m), loadOnce(b, path, nil)
				}
				ratios = append(ratios, mapped.Seconds()/raw.Seconds())
			}
			slices.Sort(ratios)
			b.ReportMetric(ratios[len(ratios)/2], "mapped/raw")
		})
	}
}
