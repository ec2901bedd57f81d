package main

import (
	"context"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/coinsift/coinsift/internal/sanitize"
	"github.com/coinsift/coinsift/internal/term"
)

type sqlOptions struct {
	format string
	limit  int
	raw    bool
}

func newSQLCommand(g *globals) *cobra.Command {
	var o sqlOptions
	cmd := &cobra.Command{
		Use:   "sql QUERY",
		Short: "Run a read-only SQL query over the case store",
		Long: `Run one read-only SQL query over case.duckdb and print the result as a table,
CSV, TSV or JSON. The store is opened read-only and without access to other
files or the network, so a query cannot change the case or leak data.

CSV and TSV cells that a spreadsheet would run as a formula are prefixed with
a single quote unless --raw is given.`,
		Example: `  coinsift sql "SELECT kind, count(*) FROM evidence GROUP BY kind"
  coinsift sql --format csv "SELECT * FROM quarantine" > quarantine.csv`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSQL(cmd.Context(), g, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "table", "output format: table, csv, tsv or json (--json implies json)")
	f.IntVar(&o.limit, "limit", -1, "print at most N rows (default: 200 for table, all otherwise; 0 = all)")
	f.BoolVar(&o.raw, "raw", false, "do not neutralise spreadsheet formulas in CSV/TSV cells")
	return cmd
}

func runSQL(ctx context.Context, g *globals, o sqlOptions, query string) error {
	if g.json {
		o.format = "json"
	}
	switch o.format {
	case "table", "csv", "tsv", "json":
	default:
		return usagef("--format table|csv|tsv|json", "unknown --format %q", o.format)
	}
	if o.limit < 0 {
		o.limit = 0
		if o.format == "table" {
			o.limit = 200
		}
	}
	c, err := g.openCase(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	conn, err := c.SandboxConn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	rows, err := conn.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	var (
		table [][]string
		objs  []map[string]any
		cw    *csv.Writer
		n     int
		more  bool
	)
	switch o.format {
	case "csv", "tsv":
		cw = csv.NewWriter(g.stdout)
		if o.format == "tsv" {
			cw.Comma = '\t'
		}
		if err := cw.Write(cols); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if o.limit > 0 && n >= o.limit {
			more = true
			break
		}
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("query: row %d: %w", n+1, err)
		}
		n++
		switch o.format {
		case "json":
			obj := make(map[string]any, len(cols))
			for i, c := range cols {
				obj[c] = jsonValue(vals[i])
			}
			objs = append(objs, obj)
		case "table":
			rec := make([]string, len(cols))
			for i := range vals {
				rec[i] = textValue(vals[i], "NULL")
			}
			table = append(table, rec)
		default:
			rec := make([]string, len(cols))
			for i := range vals {
				rec[i] = textValue(vals[i], "")
				if !o.raw {
					rec[i] = sanitize.CSVCell(rec[i])
				}
			}
			if err := cw.Write(rec); err != nil {
				return fmt.Errorf("write csv: %w", err)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	switch o.format {
	case "json":
		if objs == nil {
			objs = []map[string]any{}
		}
		// Column order is lost in a JSON object; give it separately.
		return g.printJSON(map[string]any{"columns": cols, "rows": objs, "truncated": more})
	case "table":
		if err := term.Table(g.stdout, cols, table); err != nil {
			return err
		}
		if more {
			fmt.Fprintf(g.stderr, "(only the first %d rows; --limit 0 prints all)\n", o.limit)
		}
		return nil
	default:
		cw.Flush()
		return cw.Error()
	}
}

// textValue formats a scanned value for a table or CSV cell.
func textValue(v any, null string) string {
	switch x := v.(type) {
	case nil:
		return null
	case []byte:
		return `\x` + hex.EncodeToString(x)
	case string:
		return x
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32)
	case *big.Int:
		return x.String()
	case fmt.Stringer:
		return x.String()
	default:
		b, err := json.Marshal(x)
		if err != nil {
			return fmt.Sprint(x)
		}
		return string(b)
	}
}

// jsonValue converts a scanned value to something encoding/json prints
// faithfully: bytes as hex, huge integers as strings.
func jsonValue(v any) any {
	switch x := v.(type) {
	case []byte:
		return `\x` + hex.EncodeToString(x)
	case *big.Int:
		return x.String()
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	default:
		if _, err := json.Marshal(x); err != nil {
			return fmt.Sprint(x)
		}
		return x
	}
}
