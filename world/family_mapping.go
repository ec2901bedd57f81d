package world

import (
	"fmt"
	"os"
	"strings"
)

// writeMapping writes truth/mapping.yaml: the coinsift mapping
// (docs/format/mapping.md) that reads the world's dump correctly, for the
// harness to load with and to score `seized map --suggest` against.
func (g *gen) writeMapping(path string) error {
	m := truthMapping(g.cfg.family(), g.cfg.SchemaVariant)
	if err := os.WriteFile(path, []byte(m), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// truthMapping is the correct mapping of a family's dump (of the schema
// variant, for ispoof). Tables that are neither accounts, payments, logins
// nor calls (attacks, purchases, builds) are deliberately not mapped.
func truthMapping(f Family, variant int) string {
	const head = "# The true mapping of this world's seized dump (coinsift world gen).\nversion: 1\nregion: GB\ntables:\n"
	switch f {
	case FamilyBooter:
		return head + `  - source: clients
    target: accounts
    columns:
      account_key: {column: id}
      username: {column: nick}
      email: {column: email}
      jabber: {column: jabber}
      telegram: {column: telegram}
      ip: {column: reg_ip}
      created_at: {column: created, unit: epoch_s}
  - source: deposits
    target: payments
    columns:
      account_key: {column: client}
      address: {column: address}
      amount: {column: btc, unit: btc}
      txid: {column: callback, json: "$.tx.hash"}
      status: {column: state}
      created_at: {column: ts, unit: epoch_s}
  - source: auth_log
    target: logins
    columns:
      account_key: {column: client}
      ip: {column: ip}
      login_at: {column: ts, unit: epoch_s}
`
	case FamilyCardShop:
		// The shop's DATETIMEs are Moscow wall-clock time (UTC+3) without
		// an offset: the mapping's zone says so.
		return strings.Replace(head, "tables:\n", "zone: Europe/Moscow\ntables:\n", 1) + `  - source: cust
    target: accounts
    columns:
      account_key: {column: cust_id}
      username: {column: handle}
      email: {column: mail}
      jabber: {column: jabber}
      phone: {column: phone}
      ip: {column: last_ip}
      created_at: {column: reg_local, unit: datetime}
  - source: bills
    target: payments
    columns:
      account_key: {column: cust_id}
      address: {column: addr}
      amount: {column: btc_sats, unit: sats}
      fiat_amount: {column: usd, unit: major, currency: USD}
      txid: {column: txn}
      status: {column: status}
      created_at: {column: created_local, unit: datetime}
      paid_at: {column: paid_local, unit: datetime}
  - source: visits
    target: logins
    columns:
      account_key: {column: cust_id}
      ip: {column: ip}
      user_agent: {column: ua}
      login_at: {column: at, unit: datetime}
`
	case FamilyRansomware:
		return head + `  - source: users
    target: accounts
    columns:
      account_key: {column: id}
      username: {column: login}
      jabber: {column: xmpp}
      telegram: {column: tg}
      email: {column: email}
      created_at: {column: created_at, unit: datetime}
  - source: subs
    target: payments
    columns:
      account_key: {column: user_id}
      address: {column: pay_to}
      amount: {column: amount_sats, unit: sats}
      txid: {column: tx_proof}
      status: {column: status}
      created_at: {column: created_at, unit: datetime}
      paid_at: {column: activated_at, unit: datetime}
  - source: access_log
    target: logins
    columns:
      account_key: {column: user_id}
      ip: {column: ip}
      user_agent: {column: ua}
      login_at: {column: ts, unit: epoch_s}
`
	}
	switch variant {
	case 0:
		return head + `  - source: users
    target: accounts
    columns:
      account_key: {column: id}
      username: {column: username}
      email: {column: email}
      phone: {column: phone}
      ip: {column: last_ip}
      created_at: {column: created_at, unit: datetime}
  - source: invoices
    target: payments
    columns:
      account_key: {column: user_id}
      address: {column: btc_address}
      amount: {column: amount_btc, unit: btc}
      fiat_amount: {column: price_gbp, unit: major, currency: GBP}
      txid: {column: txid}
      status: {column: status}
      created_at: {column: created_at, unit: datetime}
      paid_at: {column: paid_at, unit: datetime}
  - source: logins
    target: logins
    columns:
      account_key: {column: user_id}
      ip: {column: ip}
      user_agent: {column: user_agent}
      login_at: {column: created_at, unit: datetime}
  - source: calls
    target: calls
    columns:
      account_key: {column: user_id}
      caller_id: {column: caller_id}
      destination: {column: destination}
      started_at: {column: started_at, unit: datetime}
      duration_s: {column: duration}
      status: {column: status}
      template: {column: template}
`
	case 1:
		return head + `  - source: members
    target: accounts
    columns:
      account_key: {column: member_id}
      username: {column: handle}
      email: {column: mail}
      phone: {column: mobile}
      ip: {column: last_ip}
      created_at: {column: joined, unit: epoch_s}
  - source: orders
    target: payments
    columns:
      account_key: {column: member_id}
      address: {column: pay_to}
      amount: {column: amount_sats, unit: sats}
      fiat_amount: {column: price_pence, unit: minor, currency: GBP}
      txid: {column: tx_hash, unit: internal}
      status: {column: state}
      created_at: {column: created, unit: epoch_s}
      paid_at: {column: paid, unit: epoch_s}
  - source: sessions
    target: logins
    columns:
      account_key: {column: member_id}
      ip: {column: ip}
      user_agent: {column: ua}
      login_at: {column: ts, unit: epoch_s}
  - source: call_log
    target: calls
    columns:
      account_key: {column: member_id}
      caller_id: {column: cli}
      destination: {column: dialled}
      started_at: {column: ts, unit: epoch_s}
      duration_s: {column: secs}
      status: {column: result}
      template: {column: script}
`
	}
	return head + `  - source: tbl_user
    target: accounts
    columns:
      account_key: {column: uid}
      username: {column: user_name}
      email: {column: user_email}
      phone: {column: user_phone}
      ip: {column: last_ip}
      created_at: {column: reg_date, unit: datetime}
  - source: tbl_btc_tx
    target: payments
    columns:
      account_key: {column: oid, lookup: {table: tbl_order, key: oid, value: uid}}
      address: {column: wallet}
      amount: {column: btc, unit: btc}
      fiat_amount: {column: oid, unit: major, currency: GBP, lookup: {table: tbl_order, key: oid, value: gbp}}
      txid: {column: hash}
      status: {column: oid, lookup: {table: tbl_order, key: oid, value: status}}
      created_at: {column: oid, unit: datetime, lookup: {table: tbl_order, key: oid, value: order_date}}
      paid_at: {column: confirmed, unit: datetime}
  - source: tbl_access
    target: logins
    columns:
      account_key: {column: uid}
      ip: {column: remote_addr}
      user_agent: {column: http_user_agent}
      login_at: {column: access_time, unit: datetime}
  - source: tbl_cdr
    target: calls
    columns:
      account_key: {column: uid}
      caller_id: {column: src}
      destination: {column: dst}
      started_at: {column: calldate, unit: datetime}
      duration_s: {column: billsec}
      status: {column: disposition}
      template: {column: ivr}
`
}
