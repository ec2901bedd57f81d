package casefile

import (
	"context"
	"fmt"
)

// MaxQuarantineRaw is how many bytes of an offending item are kept.
const MaxQuarantineRaw = 4 << 10

// QuarantineItem is one input item set aside with the reason.
type QuarantineItem struct {
	Command  string // e.g. "seized load"
	Evidence string // evidence id, if the source is registered
	Source   string // file path or source name
	Table    string // source table, if any
	Row      int64  // 1-based row number, 0 if unknown
	Offset   int64  // byte offset, -1 if unknown
	Reason   string
	Raw      []byte // capped at MaxQuarantineRaw when stored
}

// Quarantine stores items in the quarantine table in one transaction.
func (c *Case) Quarantine(ctx context.Context, items []QuarantineItem) error {
	if len(items) == 0 {
		return nil
	}
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("quarantine: %w", err)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO quarantine
		(command, evidence_id, source, src_table, row_no, byte_offset, reason, raw, raw_size, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		tx.Rollback()
		return fmt.Errorf("quarantine: %w", err)
	}
	now := c.Now()
	for _, it := range items {
		raw := it.Raw
		if len(raw) > MaxQuarantineRaw {
			raw = raw[:MaxQuarantineRaw]
		}
		if _, err := stmt.ExecContext(ctx, it.Command, nullStr(it.Evidence), it.Source, nullStr(it.Table),
			nullInt(it.Row, 0), nullInt(it.Offset, -1), it.Reason, raw, int64(len(it.Raw)), now); err != nil {
			stmt.Close()
			tx.Rollback()
			return fmt.Errorf("quarantine %s: %w", it.Source, err)
		}
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("quarantine: %w", err)
	}
	return nil
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(v, none int64) any {
	if v == none {
		return nil
	}
	return v
}
