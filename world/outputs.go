package world

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/btcsuite/btcd/chaincfg/chainhash"
)

// writeTruth writes the truth tables known at the end: actors, wallets,
// persons, accounts, payments, victims and exchange funding.
func (g *gen) writeTruth(dir string) error {
	files := []struct {
		name string
		cols []string
		fill func(t *tsv)
	}{
		{"actors.tsv", []string{"actor_id", "type", "name", "country"}, func(t *tsv) {
			for i, a := range g.actors {
				t.row(i, actorTypeNames[a.typ], a.name, a.country)
			}
		}},
		{"wallets.tsv", []string{"wallet_id", "actor_id", "kind", "person_id", "home_exchange", "receive_type", "upgrade_type", "upgrade_time",
			"address_reuse", "change_same_type", "change_to_input_address", "fee_multiplier", "anti_fee_sniping", "rbf", "tx_version", "change_last", "largest_first", "coinjoin"}, func(t *tsv) {
			for _, w := range g.wallets {
				b := &w.beh
				up, upt := "", ""
				if b.upgrade != 0 {
					up, upt = b.upKind.scriptType().String(), time.Unix(b.upgrade, 0).UTC().Format(time.RFC3339)
				}
				ex := ""
				if w.exchange >= 0 {
					ex = exchangeFacts[w.exchange].name
				}
				t.row(w.id, w.actor, walletKindNames[w.kind], w.person, ex, b.kind.scriptType().String(), up, upt,
					fmt.Sprintf("%.2f", b.reuse), b.changeSame, b.changeReuse, fmt.Sprintf("%.3f", b.feeMult), b.antiSnipe, b.rbf, b.version, b.changeLast, b.largestFirst, w.mixer)
			}
		}},
		{"persons.tsv", []string{"person_id", "actor_id", "country", "first_name", "last_name", "phone", "email", "timezone", "rhythm_shift_min", "night_owl",
			"uses_vpn", "vpn_exits", "trip_country", "trip_from", "trip_to", "pay_mode", "home_exchange", "wallet_id", "hop_wallets"}, func(t *tsv) {
			for i, p := range g.persons {
				hops := make([]string, len(p.hops))
				for k, h := range p.hops {
					hops[k] = fmt.Sprint(h)
				}
				var exits []string
				for _, a := range p.nets.exits {
					if c := ipCountry(a); !slices.Contains(exits, c) {
						exits = append(exits, c)
					}
				}
				tripFrom, tripTo := "", ""
				if p.nets.tripCountry != "" {
					tripFrom, tripTo = rfc3339(p.nets.tripFrom), rfc3339(p.nets.tripTo)
				}
				t.row(i, p.actor, countries[p.country].code, p.first, p.last, p.phone, p.email, p.clock.zone.name, p.clock.shift/60, p.owl,
					vpnModeNames[p.nets.vpn], strings.Join(exits, ","), p.nets.tripCountry, tripFrom, tripTo,
					payModeNames[p.mode], exchangeFacts[p.exchange].name, p.wallet, strings.Join(hops, ","))
			}
		}},
		{"accounts.tsv", []string{"user_id", "person_id", "kind", "duplicate_of", "country", "phone_e164"}, func(t *tsv) {
			for id, ai := range g.accountOrder {
				a := &g.accounts[ai]
				dup := int32(0)
				if a.dupOf >= 0 {
					dup = g.accountID[a.dupOf]
				}
				c := ""
				if a.person >= 0 {
					c = countries[g.persons[a.person].country].code
				}
				t.row(id+1, a.person, accountKindNames[a.kind], dup, c, a.phoneE)
			}
		}},
		{"payments.tsv", []string{"invoice_id", "user_id", "person_id", "country", "address", "txid", "vout", "sats", "paid_sats", "part", "gbp_pence", "rate_pence_per_btc",
			"height", "block_time", "paying_wallet", "source_exchange", "pay_mode", "recorded_in_seized", "truth_status", "seized_status"}, func(t *tsv) {
			seized := g.seizedInvoices()
			for i := range g.invoices {
				inv := &g.invoices[i]
				if len(inv.pays) == 0 {
					continue
				}
				a := &g.accounts[inv.account]
				p := &g.persons[a.person]
				st, rec := inv.seized()
				ts := g.truthName(inv, &seized[i])
				stName := invStatusNames[st]
				if seized[i].label != "" {
					stName = seized[i].label
				}
				for k, pay := range inv.pays {
					recorded := rec && st == invPaid && k == len(inv.pays)-1
					if g.cfg.family() != FamilyISpoof {
						recorded = seized[i].txid == hashString(pay.txid)
					}
					src := ""
					if pay.source >= 0 {
						src = exchangeFacts[pay.source].name
					}
					mode := payModeNames[p.mode]
					if pay.wallet < 0 {
						mode = payModeNames[payDirect]
					}
					t.row(g.invoiceID[i], g.accountID[inv.account], a.person, countries[p.country].code, g.addrs[inv.addr].encode(g.keys.net),
						chainhash.Hash(pay.txid).String(), pay.vout, inv.sats, pay.value, k+1, inv.pence, inv.rate, pay.height,
						rfc3339(pay.at), pay.wallet, src, mode, recorded, ts, stName)
				}
			}
		}},
		{"invoices.tsv", []string{"invoice_id", "user_id", "person_id", "country", "address", "sats", "gbp_pence", "created", "expires",
			"truth_status", "seized_status", "seized_txid", "paid_sats", "payments", "first_paid", "last_paid", "duplicate_of"}, func(t *tsv) {
			seized := g.seizedInvoices()
			for i := range g.invoices {
				inv := &g.invoices[i]
				a := &g.accounts[inv.account]
				c := ""
				if a.person >= 0 {
					c = countries[g.persons[a.person].country].code
				}
				first, last := "", ""
				if n := len(inv.pays); n > 0 {
					first, last = rfc3339(inv.pays[0].at), rfc3339(inv.pays[n-1].at)
				}
				st, txid := seized[i].status, seized[i].txid
				stName := invStatusNames[st]
				if seized[i].label != "" {
					stName = seized[i].label
				}
				id := g.invoiceID[i]
				for k := range 1 + b2int(inv.dup) {
					dupOf := int32(0)
					if k == 1 {
						dupOf = id
					}
					t.row(id+int32(k), g.accountID[inv.account], a.person, c, g.addrs[inv.addr].encode(g.keys.net), inv.sats, inv.pence,
						rfc3339(inv.created), rfc3339(inv.created+invoiceExpiry), g.truthName(inv, &seized[i]), stName, txid,
						inv.paidSats(), len(inv.pays), first, last, dupOf)
				}
			}
		}},
		{"networks.tsv", []string{"network", "country", "kind"}, func(t *tsv) {
			keys := make([]uint64, 0, len(g.nets))
			for k := range g.nets {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				n := g.nets[k]
				t.row(n.n.String(), n.n.country, netKindNames[n.k])
			}
		}},
		{"victims.tsv", []string{"victim_id", "phone", "country", "impersonated", "first_call", "calls", "answered", "defrauded", "loss_gbp_pence"}, func(t *tsv) {
			for i, v := range g.victims {
				if v.calls == 0 {
					continue
				}
				t.row(i, g.victimPhones[i], victimCountry(i), banks[v.bank].name, rfc3339(v.first), v.calls, v.answered, v.defrauded, v.lossPence)
			}
		}},
	}
	for _, f := range files {
		t, err := newTSV(dir, f.name, f.cols...)
		if err != nil {
			return err
		}
		f.fill(t)
		if err := t.close(); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	return nil
}

func rfc3339(t int64) string { return time.Unix(t, 0).UTC().Format(time.RFC3339) }

// writeTags writes a GraphSense TagPack for the exchanges that public
// sources know: their hot wallet addresses and a sample of deposit addresses.
func (g *gen) writeTags(dir string) error {
	if err := writeActors(dir); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "exchanges.yaml"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprint(w, `title: Exchange wallets (coinsift world)
creator: coinsift world generator
description: Addresses of exchanges that public attribution sources know. Not every exchange of the world is listed, and only some of each exchange's addresses.
lastmod: 2022-11-30
is_public: true
network: BTC
currency: BTC
category: exchange
confidence: web_crawl
tags:
`)
	r := newRand(g.cfg.Seed, "tags")
	for id := range g.addrs {
		a := &g.addrs[id]
		wl := g.wallets[a.wallet]
		if wl.kind != wkExchange {
			continue
		}
		ex := -1
		for i, e := range g.exchanges {
			if e.hot == a.wallet {
				ex = i
			}
		}
		if ex < 0 || !exchangeFacts[ex].public {
			continue
		}
		if a.role == roleDeposit && !chance(r, 0.05) {
			continue
		}
		name := exchangeFacts[ex].name
		fmt.Fprintf(w, "  - address: %s\n    label: %s\n    actor: %s\n    source: https://example.org/attribution/%s\n",
			a.encode(g.keys.net), name, actorID(name), actorID(name))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// actorID is the TagPack actor id of exchange name.
func actorID(name string) string {
	return strings.ToLower(strings.ReplaceAll(name, ".", ""))
}

// writeActors writes a GraphSense ActorPack of every exchange of the world,
// public or not (actor packs describe businesses, not addresses): its
// jurisdictions are its seat and the countries it is registered to serve,
// as public registers list them.
func writeActors(dir string) error {
	f, err := os.Create(filepath.Join(dir, "actors.yaml"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprint(w, `title: Exchanges (coinsift world)
creator: coinsift world generator
description: The exchanges of the world, with the countries they are registered in.
lastmod: 2022-11-30
is_public: true
actors:
`)
	for _, e := range exchangeFacts {
		js := []string{e.country}
		for _, m := range e.markets {
			if !slices.Contains(js, m) {
				js = append(js, m)
			}
		}
		id := actorID(e.name)
		fmt.Fprintf(w, "  - id: %s\n    label: %s\n    uri: https://example.org/exchange/%s\n    categories: [exchange]\n    jurisdictions: [%s]\n",
			id, e.name, id, strings.Join(js, ", "))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeDirectory writes the official numbers of the impersonated
// organisations.
func writeDirectory(dir string) error {
	f, err := os.Create(filepath.Join(dir, "organisations.csv"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprint(w, "organisation,country,official_number,template\r\n")
	for _, b := range banks {
		fmt.Fprintf(w, "%s,%s,%s,%s\r\n", appendCSVField(nil, b.name), b.country, b.official, b.template)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
