package triagesql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/triage"
)

// ReadSuspects returns every row of the suspect_figures view, by person,
// with the money received on chain kept apart by link status.
func ReadSuspects(ctx context.Context, db *sql.DB, currency string) ([]triage.Suspect, error) {
	rows, err := db.QueryContext(ctx, `SELECT person, accounts, coalesce(country, ''), confidence, coalesce(conflicts, ''),
		received_minor, coalesce(currency, ''), payments, calls, victims, exchanges, direct,
		verified_minor, verified_payments, late_minor, partial_minor, mismatch_minor, paid_again_minor
		FROM suspect_figures ORDER BY person`)
	if err != nil {
		return nil, fmt.Errorf("read suspects: %w", err)
	}
	defer rows.Close()
	var out []triage.Suspect
	for rows.Next() {
		var s triage.Suspect
		var accounts, country, conflicts, cur, exchanges string
		if err := rows.Scan(&s.Person, &accounts, &country, &s.Confidence, &conflicts, &s.Received.Minor, &cur,
			&s.Payments, &s.Calls, &s.Victims, &exchanges, &s.Direct,
			&s.Verified.Minor, &s.VerifiedPayments, &s.Late.Minor, &s.Partial.Minor, &s.Mismatch.Minor, &s.PaidAgain.Minor); err != nil {
			return nil, fmt.Errorf("read suspects: %w", err)
		}
		s.Accounts = splitList(accounts, ", ")
		s.Country = coinsift.Country(country)
		s.Conflicts = splitList(conflicts, ",")
		s.Exchanges = splitList(exchanges, ", ")
		for _, m := range []*coinsift.Money{&s.Received, &s.Verified, &s.Late, &s.Partial, &s.Mismatch, &s.PaidAgain} {
			m.Currency = currency
		}
		if cur != "" && cur != currency {
			return nil, fmt.Errorf("read suspects: person %s has payments valued in %s, the case reports in %s (run 'coinsift value --currency %s'): %w",
				s.Person, cur, currency, currency, coinsift.ErrInvalid)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read suspects: %w", err)
	}
	if err := readHops(ctx, db, out); err != nil {
		return nil, err
	}
	return out, nil
}

// readHops fills Suspect.Hops: per person and exchange, the fewest hops
// between the exchange and one of the person's payments (table
// account_sources, 'coinsift trace payers').
func readHops(ctx context.Context, db *sql.DB, out []triage.Suspect) error {
	byPerson := make(map[string]*triage.Suspect, len(out))
	for i := range out {
		if len(out[i].Exchanges) > 0 {
			byPerson[out[i].Person] = &out[i]
		}
	}
	if len(byPerson) == 0 {
		return nil
	}
	rows, err := db.QueryContext(ctx, `SELECT sa.person, s.entity, min(s.min_hops)
		FROM suspect_accounts sa JOIN account_sources s USING (account_key)
		WHERE s.category = 'exchange' GROUP BY ALL`)
	if err != nil {
		return fmt.Errorf("read exchange hops: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var person, entity string
		var hops int
		if err := rows.Scan(&person, &entity, &hops); err != nil {
			return fmt.Errorf("read exchange hops: %w", err)
		}
		if s := byPerson[person]; s != nil {
			if s.Hops == nil {
				s.Hops = map[string]int{}
			}
			s.Hops[entity] = hops
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read exchange hops: %w", err)
	}
	return nil
}

func splitList(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}

// Rules returns the built-in rules and the case's saved rules, by name.
func Rules(ctx context.Context, db *sql.DB) ([]triage.NamedRule, error) {
	out := append([]triage.NamedRule(nil), triage.BuiltinRules...)
	rows, err := db.QueryContext(ctx, `SELECT name, expr, coalesce(note, '') FROM triage_rules ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("read rules: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r triage.NamedRule
		if err := rows.Scan(&r.Name, &r.Expr, &r.Note); err != nil {
			return nil, fmt.Errorf("read rules: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ErrRuleExists reports a rule name already in use.
var ErrRuleExists = errors.New("triagesql: rule name in use")

// SaveRule saves a named rule; names of built-in rules are refused.
func SaveRule(ctx context.Context, db *sql.DB, r triage.NamedRule, now time.Time) error {
	for _, b := range triage.BuiltinRules {
		if b.Name == r.Name {
			return fmt.Errorf("rule %q is built in: %w", r.Name, ErrRuleExists)
		}
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO triage_rules VALUES (?, ?, ?, ?)`, r.Name, r.Expr, r.Note, now); err != nil {
		if strings.Contains(err.Error(), "Duplicate key") || strings.Contains(err.Error(), "PRIMARY KEY") {
			return fmt.Errorf("rule %q: %w", r.Name, ErrRuleExists)
		}
		return fmt.Errorf("save rule %q: %w", r.Name, err)
	}
	return nil
}

// SaveSuspects replaces the suspects of the last triage run.
func SaveSuspects(ctx context.Context, db *sql.DB, r triage.NamedRule, ss []triage.Suspect) error {
	err := casefile.InTx(ctx, db, func(conn *sql.Conn) error {
		if _, err := conn.ExecContext(ctx, `DELETE FROM suspects`); err != nil {
			return err
		}
		return casefile.AppendRows(ctx, conn, "suspects", len(ss), func(i int) []driver.Value {
			s := ss[i]
			var country driver.Value
			if s.Country != "" {
				country = string(s.Country)
			}
			reasons, _ := json.Marshal(s.Reasons)
			return []driver.Value{r.Name, r.Expr, int32(i + 1), s.Person, strings.Join(s.Accounts, ", "), country, s.Confidence,
				s.Received.Minor, s.Received.Currency, int32(s.Payments), int32(s.Calls), int32(s.Victims),
				strings.Join(s.Exchanges, ", "), s.Direct, s.Score, string(reasons),
				s.Verified.Minor, s.Late.Minor, s.Partial.Minor, s.Mismatch.Minor, s.PaidAgain.Minor, int32(s.VerifiedPayments)}
		})
	})
	if err != nil {
		return fmt.Errorf("save suspects: %w", err)
	}
	return nil
}
