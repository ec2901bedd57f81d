package personsql_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/coinsift/coinsift/casefile"
	"github.com/coinsift/coinsift/persons"
	"github.com/coinsift/coinsift/persons/personsql"
)

// TestLoadEvidence checks what the loader reads as evidence: a deposit
// address of the payments table is the service's (only with its paying
// cluster), an address the customer gave is theirs, messenger handles and
// e-mails are normalised, an exchange's cluster is left out.
func TestLoadEvidence(t *testing.T) {
	ctx := context.Background()
	c, err := casefile.Init(ctx, filepath.Join(t.TempDir(), "case"), casefile.InitOptions{Name: "t"})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, q := range []string{
		`INSERT INTO identifiers VALUES
			('1', 'email', 'John.Smith+shop@GMAIL.com', 'john.smith+shop@gmail.com', 'e', 'src_users', 1, 'email'),
			('1', 'xmpp', 'Bob@Jabber.ru/phone', NULL, 'e', 'src_users', 1, 'jabber'),
			('2', 'telegram', '@NightOwl', NULL, 'e', 'src_users', 2, 'tg'),
			('2', 'btc_address', 'bc1qservice', 'bc1qservice', 'e', 'src_invoices', 7, 'address'),
			('2', 'btc_address', 'bc1qrefund', 'bc1qrefund', 'e', 'src_users', 2, 'refund_address'),
			('3', 'phone', '07400 123456', NULL, 'e', 'src_users', 3, 'phone')`,
		`INSERT INTO payments (account_key, address, evidence_id, src_table, src_row) VALUES
			('2', 'bc1qservice', 'e', 'src_invoices', 7), ('3', 'bc1qservice', 'e', 'src_invoices', 8)`,
		`INSERT INTO payment_payers (evidence_id, src_table, src_row, account_key, sats, paying_cluster, direct) VALUES
			('e', 'src_invoices', 7, '2', 1000, 42, false), ('e', 'src_invoices', 8, '3', 1000, 99, false)`,
		`INSERT INTO link_outputs (evidence_id, src_table, src_row, seq, output, txid, vout, sats, height, block_time) VALUES
			('e', 'src_invoices', 7, 0, 5, 'aa11', 0, 1000, 1, TIMESTAMP '2024-01-01')`,
		`INSERT INTO cluster_tags (cluster_id, address_id, address, label, is_cluster_definer) VALUES (99, 1, 'bc1qexchange', 'Kraken', true)`,
	} {
		if _, err := c.DB().ExecContext(ctx, q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	ev, err := personsql.LoadEvidence(ctx, c.DB())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ev {
		got = append(got, e.Account+" "+e.Kind+" "+e.Value+" @"+e.Row)
	}
	want := []string{
		"1 email johnsmith@gmail.com @src_users#1 email",
		"1 jabber bob@jabber.ru @src_users#1 jabber",
		"2 btc_address bc1qrefund @src_users#2 refund_address",
		"2 deposit_address " + persons.Deposit("bc1qservice", 42) + " @payment src_invoices#7 tx aa11",
		"2 paying_cluster 42 @payment src_invoices#7 tx aa11",
		"2 telegram nightowl @src_users#2 tg",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("evidence:\n%q\nwant\n%q", got, want)
	}
	for _, e := range ev {
		if want := map[bool]int{true: 2}[e.Kind == persons.ReasonDeposit]; e.Holders != want {
			t.Errorf("%s %s %s: holders %d; want %d (bc1qservice is named for accounts 2 and 3)", e.Account, e.Kind, e.Value, e.Holders, want)
		}
	}
	one, err := personsql.LoadAccountEvidence(ctx, c.DB(), "1")
	if err != nil || len(one) != 2 {
		t.Errorf("LoadAccountEvidence(1) = %v, %v; want its two identifiers", one, err)
	}
}
