package seized

import (
	"context"
	"database/sql"
	"fmt"
)

// PaymentWarnings looks at the canonical payments a load left in the case
// and warns about a payments table that links to nothing: one whose rows
// name no account of the accounts table (a wrong account_key column, or a
// key the accounts table spells otherwise), or whose rows have neither a
// deposit address nor a txid, so that 'link' cannot find them on chain.
// Accounts are only compared once the case holds some: CSV files may be
// loaded one command at a time, payments first.
func PaymentWarnings(ctx context.Context, db *sql.DB) ([]Warning, error) {
	var accounts int64
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM accounts`).Scan(&accounts); err != nil {
		return nil, fmt.Errorf("payment checks: %w", err)
	}
	rows, err := db.QueryContext(ctx, `
		SELECT p.src_table, count(*),
		       count(*) FILTER (WHERE p.account_key IS NULL OR a.account_key IS NULL),
		       count(*) FILTER (WHERE p.address IS NULL AND p.txid IS NULL)
		FROM payments p
		LEFT JOIN (SELECT DISTINCT account_key FROM accounts) a ON a.account_key = p.account_key
		GROUP BY p.src_table ORDER BY p.src_table`)
	if err != nil {
		return nil, fmt.Errorf("payment checks: %w", err)
	}
	defer rows.Close()
	var out []Warning
	for rows.Next() {
		var table string
		var n, orphan, blind int64
		if err := rows.Scan(&table, &n, &orphan, &blind); err != nil {
			return nil, fmt.Errorf("payment checks: %w", err)
		}
		if accounts > 0 && orphan*2 > n {
			out = append(out, Warning{Table: table, Field: "payments.account_key", Values: n, Against: orphan,
				Message: fmt.Sprintf("%s: %d of %d payments name no account of the accounts table: check the account_key column of the mapping", table, orphan, n)})
		}
		if blind*2 > n {
			out = append(out, Warning{Table: table, Field: "payments.address", Values: n, Against: blind,
				Message: fmt.Sprintf("%s: %d of %d payments have neither a deposit address nor a txid, so none of them can be matched to the chain: check the address and txid columns of the mapping", table, blind, n)})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("payment checks: %w", err)
	}
	return out, nil
}
