package seized_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
)

// TestPeerDuckDBCSV is the DuckDB side of the peer benchmark
// (scripts/bench-seized.sh): it loads COINSIFT_PEER_CSV (one file, or
// several separated by ':', each into its own table) with read_csv, all
// columns as VARCHAR like src_* tables, into a new database file
// COINSIFT_PEER_DB, and reports rows and time. It runs only with
// COINSIFT_PEER=1.
func TestPeerDuckDBCSV(t *testing.T) {
	if os.Getenv("COINSIFT_PEER") != "1" {
		t.Skip("set COINSIFT_PEER=1 (scripts/bench-seized.sh)")
	}
	csv, dbPath := os.Getenv("COINSIFT_PEER_CSV"), os.Getenv("COINSIFT_PEER_DB")
	if csv == "" || dbPath == "" {
		t.Fatal("set COINSIFT_PEER_CSV and COINSIFT_PEER_DB")
	}
	os.Remove(dbPath)
	db, err := sql.Open("duckdb", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	start := time.Now()
	files := strings.Split(csv, ":")
	for i, f := range files {
		if _, err := db.ExecContext(ctx, fmt.Sprintf(`CREATE TABLE t%d AS SELECT * FROM read_csv(?, all_varchar = true, header = true)`, i), f); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.ExecContext(ctx, `CHECKPOINT`); err != nil {
		t.Fatal(err)
	}
	d := time.Since(start)
	var n int64
	for i := range files {
		var k int64
		if err := db.QueryRowContext(ctx, fmt.Sprintf(`SELECT count(*) FROM t%d`, i)).Scan(&k); err != nil {
			t.Fatal(err)
		}
		n += k
	}
	t.Logf("duckdb read_csv: %d rows in %.2fs = %.0f rows/s", n, d.Seconds(), float64(n)/d.Seconds())
}
