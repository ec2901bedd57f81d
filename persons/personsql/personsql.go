package personsql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"

	coinsift "github.com/coinsift/coinsift"
	"github.com/coinsift/coinsift/link"
	"github.com/coinsift/coinsift/link/linksql"
	"github.com/coinsift/coinsift/persons"
)

// PayerTables and PersonTables are the tables SavePayers and SaveGrouping
// replace.
var (
	PayerTables  = []string{"payment_payers", "payment_sources", "account_payers", "account_sources", "payer_runs"}
	PersonTables = []string{"persons", "person_links", "person_dropped", "person_rejected"}
)

// LoadStarts reads the matched outputs of every paid payment (verified,
// late, partial, amount_mismatch), grouped per payment in key order; keys
// is index-aligned with starts.
func LoadStarts(ctx context.Context, db *sql.DB) ([]persons.Start, []link.Key, error) {
	rows, err := db.QueryContext(ctx, `SELECT o.evidence_id, o.src_table, o.src_row, coalesce(l.account_key, ''), o.output
		FROM link_outputs o JOIN links l USING (evidence_id, src_table, src_row)
		WHERE l.status IN ('verified', 'late', 'partial', 'amount_mismatch')
		ORDER BY o.evidence_id, o.src_table, o.src_row, o.seq`)
	if err != nil {
		return nil, nil, fmt.Errorf("load paid payments: %w", err)
	}
	defer rows.Close()
	var starts []persons.Start
	var keys []link.Key
	for rows.Next() {
		var k link.Key
		var acc string
		var o int64
		if err := rows.Scan(&k.Evidence, &k.Table, &k.Row, &acc, &o); err != nil {
			return nil, nil, fmt.Errorf("load paid payments: %w", err)
		}
		if n := len(keys); n > 0 && keys[n-1] == k {
			starts[n-1].Outputs = append(starts[n-1].Outputs, o)
			continue
		}
		keys = append(keys, k)
		starts = append(starts, persons.Start{Key: k.String(), Account: acc, Outputs: []int64{o}})
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("load paid payments: %w", err)
	}
	return starts, keys, nil
}

func tx(ctx context.Context, db *sql.DB, what string, fn func(conn *sql.Conn) error) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := fn(conn); err != nil {
		conn.ExecContext(context.Background(), "ROLLBACK")
		return fmt.Errorf("%s: %w", what, err)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("%s: commit: %w", what, err)
	}
	return nil
}

func nullStr(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

func nullU32(v uint32) driver.Value {
	if v == 0 {
		return nil
	}
	return v
}

// SavePayers replaces the payer tables with payers (index-aligned with
// keys) and their per-account aggregate.
func SavePayers(ctx context.Context, db *sql.DB, keys []link.Key, payers []persons.Payer, settings string, now time.Time) (map[string]int64, error) {
	counts := map[string]int64{}
	type src struct {
		i int
		s persons.Source
	}
	var srcs []src
	var errs int64
	for i, p := range payers {
		if p.Err != "" {
			errs++
		}
		for _, s := range p.Sources {
			srcs = append(srcs, src{i, s})
		}
	}
	acc := persons.ByAccount(payers)
	var accSrc []persons.AccountSource
	for _, a := range acc {
		accSrc = append(accSrc, a.Sources...)
	}
	err := tx(ctx, db, "save payers", func(conn *sql.Conn) error {
		for _, t := range PayerTables {
			if _, err := conn.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return err
			}
		}
		err := linksql.AppendRows(ctx, conn, counts, []linksql.Rows{
			{Table: "payment_payers", N: len(payers), Row: func(i int) []driver.Value {
				p, k := payers[i], keys[i]
				var w, hops driver.Value
				if p.Exchange != "" {
					w, hops = p.Withdrawal.String(), int32(p.Hops)
				}
				return []driver.Value{k.Evidence, k.Table, k.Row, p.Account, int64(p.Sats), nullU32(p.PayingCluster),
					nullU32(p.PayingAddress), p.Direct, nullStr(p.Exchange), w, hops, nullStr(p.Err)}
			}},
			{Table: "payment_sources", N: len(srcs), Row: func(i int) []driver.Value {
				k, s := keys[srcs[i].i], srcs[i].s
				return []driver.Value{k.Evidence, k.Table, k.Row, s.Entity, nullStr(s.Category), s.Share, int64(s.Sats),
					int32(s.Hops), s.Tx.String(), int32(s.Height)}
			}},
			{Table: "account_payers", N: len(acc), Row: func(i int) []driver.Value {
				a := acc[i]
				cs := make([]string, len(a.PayingClusters))
				for k, c := range a.PayingClusters {
					cs[k] = strconv.FormatUint(uint64(c), 10)
				}
				return []driver.Value{a.Account, int32(a.Payments), int64(a.Sats), strings.Join(cs, ","), int32(a.Direct),
					nullStr(a.TopSource), a.TopShare}
			}},
			{Table: "account_sources", N: len(accSrc), Row: func(i int) []driver.Value {
				s := accSrc[i]
				return []driver.Value{s.Account, s.Entity, nullStr(s.Category), int64(s.Sats), s.Share, int32(s.Payments),
					int32(s.MinHops), int32(s.Direct)}
			}},
		})
		if err != nil {
			return err
		}
		_, err = conn.ExecContext(ctx, `INSERT INTO payer_runs VALUES (?, ?, ?, ?)`, now.UTC(), settings, int64(len(payers)), errs)
		counts["payer_runs"] = 1
		return err
	})
	if err != nil {
		return nil, err
	}
	return counts, nil
}

// LoadAccounts returns every account key of the accounts and payments
// tables, ascending.
func LoadAccounts(ctx context.Context, db *sql.DB) ([]string, error) {
	return strs(ctx, db, "load accounts", `SELECT DISTINCT account_key FROM (
		SELECT account_key FROM accounts UNION ALL SELECT account_key FROM payments) WHERE account_key IS NOT NULL ORDER BY 1`)
}

func strs(ctx context.Context, db *sql.DB, what, q string, args ...any) ([]string, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// LoadEvidence reads what may join accounts (see [LoadAccountEvidence]).
func LoadEvidence(ctx context.Context, db *sql.DB) ([]persons.Evidence, error) {
	return LoadAccountEvidence(ctx, db, "")
}

// LoadAccountEvidence reads what may join accounts, of one account ("":
// of all), normalised, each with the row it was read from: e-mails
// ([persons.NormEmail]), E.164 phones, messenger handles
// ([persons.NormHandle]; kind xmpp is jabber), bitcoin addresses the
// customer gave (an address of the payments table is the service's, not
// the customer's), the public addresses accounts logged in from (logins,
// and the last_ip identifier), the paying clusters of traced payments, and
// deposit addresses with the cluster that paid them (their rows name the
// payment and its paying transaction, and Holders counts the accounts the
// payments name the address for). Paying clusters
// carrying any tag (an exchange's or service's wallet pays many customers)
// and those of payments an exchange made directly (the cluster is the
// exchange's) are left out.
func LoadAccountEvidence(ctx context.Context, db *sql.DB, account string) ([]persons.Evidence, error) {
	kinds := "'email', 'phone', 'ip', 'xmpp'"
	for _, m := range persons.Messengers {
		kinds += ", '" + m + "'"
	}
	rows, err := db.QueryContext(ctx, `SELECT * FROM (
		SELECT account_key, kind, CASE WHEN kind = 'phone' THEN coalesce(normalized, value) ELSE value END AS v,
			src_table || '#' || CAST(src_row AS VARCHAR) || ' ' || src_column AS r, 0 AS holders
		FROM identifiers
		WHERE account_key IS NOT NULL AND (kind IN (`+kinds+`)
			OR kind = 'btc_address' AND value NOT IN (SELECT address FROM payments WHERE address IS NOT NULL))
		UNION ALL
		SELECT account_key, 'login_ip', ip, min(src_table || '#' || CAST(src_row AS VARCHAR))
			|| CASE WHEN count(*) > 1 THEN ' +' || CAST(count(*) - 1 AS VARCHAR) || ' logins' ELSE '' END, 0
		FROM logins WHERE account_key IS NOT NULL AND ip IS NOT NULL GROUP BY account_key, ip
		UNION ALL
		SELECT pp.account_key, k.kind, CASE k.kind WHEN 'paying_cluster' THEN CAST(pp.paying_cluster AS VARCHAR)
				ELSE p.address || ' ' || CAST(pp.paying_cluster AS VARCHAR) END,
			'payment ' || pp.src_table || '#' || CAST(pp.src_row AS VARCHAR) || coalesce(' tx ' || o.txid, ''),
			CASE k.kind WHEN 'deposit_address' THEN coalesce(h.n, 0) ELSE 0 END
		FROM payment_payers pp
		CROSS JOIN (VALUES ('paying_cluster'), ('deposit_address')) k(kind)
		LEFT JOIN payments p ON p.evidence_id = pp.evidence_id AND p.src_table = pp.src_table AND p.src_row = pp.src_row
		LEFT JOIN (SELECT address, CAST(count(DISTINCT account_key) AS INTEGER) AS n FROM payments
			WHERE address IS NOT NULL AND account_key IS NOT NULL GROUP BY address) h ON h.address = p.address
		LEFT JOIN (SELECT evidence_id, src_table, src_row, min(txid) AS txid FROM link_outputs GROUP BY ALL) o
			ON o.evidence_id = pp.evidence_id AND o.src_table = pp.src_table AND o.src_row = pp.src_row
		WHERE pp.account_key IS NOT NULL AND pp.paying_cluster IS NOT NULL AND NOT pp.direct
		  AND pp.paying_cluster NOT IN (SELECT cluster_id FROM cluster_tags)
		  AND (k.kind = 'paying_cluster' OR p.address IS NOT NULL)
		) WHERE $1 = '' OR account_key = $1
		ORDER BY 1, 2, 3, 4`, account)
	if err != nil {
		return nil, fmt.Errorf("load person evidence: %w", err)
	}
	defer rows.Close()
	var out []persons.Evidence
	for rows.Next() {
		var e persons.Evidence
		if err := rows.Scan(&e.Account, &e.Kind, &e.Value, &e.Row, &e.Holders); err != nil {
			return nil, fmt.Errorf("load person evidence: %w", err)
		}
		switch {
		case e.Kind == "email":
			e.Value = persons.NormEmail(e.Value)
		case e.Kind == "phone":
			e.Value = persons.NormPhone(e.Value) // not E.164: too weak to join people
		case e.Kind == "ip" || e.Kind == "login_ip":
			e.Kind, e.Value = persons.ReasonLoginIP, persons.NormIP(e.Value)
		case e.Kind == persons.ReasonDeposit:
			addr, c, _ := strings.Cut(e.Value, " ")
			n, err := strconv.ParseUint(c, 10, 32)
			if err != nil {
				return nil, fmt.Errorf("load person evidence: deposit %q: %w", e.Value, err)
			}
			e.Value = persons.Deposit(addr, uint32(n))
		case e.Kind == "xmpp":
			e.Kind = "jabber"
			e.Value = persons.NormHandle(e.Kind, e.Value)
		case persons.IsMessenger(e.Kind):
			e.Value = persons.NormHandle(e.Kind, e.Value)
		}
		if e.Value == "" {
			continue
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// LoadOverrides returns the investigator's overrides in the order made.
func LoadOverrides(ctx context.Context, db *sql.DB) ([]persons.Override, error) {
	rows, err := db.QueryContext(ctx, `SELECT account_a, account_b, action, note FROM person_overrides ORDER BY created_at, account_a, account_b`)
	if err != nil {
		return nil, fmt.Errorf("load person overrides: %w", err)
	}
	defer rows.Close()
	var out []persons.Override
	for rows.Next() {
		var o persons.Override
		if err := rows.Scan(&o.A, &o.B, &o.Action, &o.Note); err != nil {
			return nil, fmt.Errorf("load person overrides: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// AddOverride records an override.
func AddOverride(ctx context.Context, db *sql.DB, o persons.Override, now time.Time) error {
	if o.Action != "merge" && o.Action != "split" {
		return fmt.Errorf("person override %q: want merge or split: %w", o.Action, coinsift.ErrInvalid)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO person_overrides VALUES (?, ?, ?, ?, ?)`, o.A, o.B, o.Action, o.Note, now.UTC()); err != nil {
		return fmt.Errorf("add person override: %w", err)
	}
	return nil
}

// SaveGrouping replaces the person tables with g.
func SaveGrouping(ctx context.Context, db *sql.DB, g *persons.Grouping) (map[string]int64, error) {
	counts := map[string]int64{}
	type pa struct {
		id  int
		acc string
	}
	var rows []pa
	for i, ms := range g.Persons {
		for _, a := range ms {
			rows = append(rows, pa{i + 1, a})
		}
	}
	err := tx(ctx, db, "save persons", func(conn *sql.Conn) error {
		for _, t := range PersonTables {
			if _, err := conn.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return err
			}
		}
		return linksql.AppendRows(ctx, conn, counts, []linksql.Rows{
			{Table: "persons", N: len(rows), Row: func(i int) []driver.Value { return []driver.Value{int32(rows[i].id), rows[i].acc} }},
			{Table: "person_links", N: len(g.Edges), Row: func(i int) []driver.Value {
				e := g.Edges[i]
				return []driver.Value{e.A, e.B, e.Reason, nullStr(e.Detail), e.Reason, e.Strength, nullStr(e.Rows)}
			}},
			{Table: "person_dropped", N: len(g.Dropped), Row: func(i int) []driver.Value {
				d := g.Dropped[i]
				return []driver.Value{d.Kind, d.Value, int32(d.Accounts), nullStr(d.Why)}
			}},
			{Table: "person_rejected", N: len(g.Rejected), Row: func(i int) []driver.Value {
				r := g.Rejected[i]
				return []driver.Value{r.A, r.B, r.Strength, r.Kinds(), r.Describe()}
			}},
		})
	})
	if err != nil {
		return nil, err
	}
	return counts, nil
}

// LoadGrouping reads the stored persons and links back.
func LoadGrouping(ctx context.Context, db *sql.DB) (*persons.Grouping, error) {
	g := &persons.Grouping{Person: map[string]int{}}
	rows, err := db.QueryContext(ctx, `SELECT person_id, account_key FROM persons ORDER BY person_id, account_key`)
	if err != nil {
		return nil, fmt.Errorf("load persons: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		var a string
		if err := rows.Scan(&id, &a); err != nil {
			return nil, fmt.Errorf("load persons: %w", err)
		}
		for len(g.Persons) < id {
			g.Persons = append(g.Persons, nil)
		}
		g.Persons[id-1] = append(g.Persons[id-1], a)
		g.Person[a] = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load persons: %w", err)
	}
	if len(g.Persons) == 0 {
		return nil, fmt.Errorf("no persons: run 'coinsift persons' first: %w", coinsift.ErrNotFound)
	}
	er, err := db.QueryContext(ctx, `SELECT account_a, account_b, reason, coalesce(detail, ''), coalesce(strength, 1), coalesce(evidence, '')
		FROM person_links ORDER BY ALL`)
	if err != nil {
		return nil, fmt.Errorf("load person links: %w", err)
	}
	defer er.Close()
	for er.Next() {
		var e persons.Edge
		if err := er.Scan(&e.A, &e.B, &e.Reason, &e.Detail, &e.Strength, &e.Rows); err != nil {
			return nil, fmt.Errorf("load person links: %w", err)
		}
		g.Edges = append(g.Edges, e)
	}
	return g, er.Err()
}

// Considered is what 'persons --explain' shows beside an account's links:
// the pairs with the account that were considered and not joined, and
// the account's values that contributed nothing.
type Considered struct {
	Rejected []RejectedPair    `json:"not_joined"`
	Dropped  []persons.Dropped `json:"unused_values"`
}

// RejectedPair is a stored row of person_rejected.
type RejectedPair struct {
	A        string  `json:"account_a"`
	B        string  `json:"account_b"`
	Strength float64 `json:"strength"`
	Pieces   string  `json:"pieces"`
}

// LoadConsidered reads the pairs of account that were not joined and its
// dropped values, in order.
func LoadConsidered(ctx context.Context, db *sql.DB, account string) (*Considered, error) {
	c := &Considered{Rejected: []RejectedPair{}, Dropped: []persons.Dropped{}}
	rows, err := db.QueryContext(ctx, `SELECT account_a, account_b, strength, pieces FROM person_rejected
		WHERE account_a = $1 OR account_b = $1 ORDER BY strength DESC, account_a, account_b`, account)
	if err != nil {
		return nil, fmt.Errorf("load rejected pairs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r RejectedPair
		if err := rows.Scan(&r.A, &r.B, &r.Strength, &r.Pieces); err != nil {
			return nil, fmt.Errorf("load rejected pairs: %w", err)
		}
		c.Rejected = append(c.Rejected, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load rejected pairs: %w", err)
	}
	dropped := map[[2]string]persons.Dropped{}
	dr, err := db.QueryContext(ctx, `SELECT kind, value, accounts, coalesce(why, 'shared') FROM person_dropped`)
	if err != nil {
		return nil, fmt.Errorf("load dropped values: %w", err)
	}
	defer dr.Close()
	for dr.Next() {
		var d persons.Dropped
		if err := dr.Scan(&d.Kind, &d.Value, &d.Accounts, &d.Why); err != nil {
			return nil, fmt.Errorf("load dropped values: %w", err)
		}
		dropped[[2]string{d.Kind, d.Value}] = d
	}
	if err := dr.Err(); err != nil {
		return nil, fmt.Errorf("load dropped values: %w", err)
	}
	ev, err := LoadAccountEvidence(ctx, db, account)
	if err != nil {
		return nil, err
	}
	seen := map[[2]string]bool{}
	for _, e := range ev {
		k := [2]string{e.Kind, e.Value}
		if d, ok := dropped[k]; ok && !seen[k] {
			seen[k] = true
			c.Dropped = append(c.Dropped, d)
		}
	}
	return c, nil
}
