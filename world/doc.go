// Package world generates synthetic worlds with known truth: a Bitcoin
// regtest chain, the seized database of a phone-spoofing service whose
// customers paid in bitcoin, the price files, attribution tags and the truth
// behind all of it. Trainers teach with the worlds, developers test with them
// and expert witnesses measure every heuristic's error rates on them.
//
// # Model
//
// A world runs from 1 Dec 2020 to 30 Nov 2022. Its actors are the service
// (per-invoice deposit addresses swept daily to a consolidation wallet, weekly
// payouts to three administrators who cash out through exchanges), customers
// in many countries weighted like iSpoof's (UK first, then US, NL, AU, FR, IE
// and others) who pay straight from an exchange withdrawal, from a personal
// wallet funded by an exchange, through hop wallets, through a CoinJoin, or
// from a wallet they share; exchanges with hot and cold wallets, reused
// customer deposit addresses, batched withdrawals and consolidations; fraud
// shops; mining pools; CoinJoin coordinators (Wasabi-like and
// Whirlpool-like); and a background population whose payments are the noise.
// Each wallet draws its habits: script type and when it upgrades (SegWit,
// then Taproot after Nov 2021), address reuse, change type, change back to an
// input address, round amounts, fee rate, anti-fee-sniping locktime, RBF,
// transaction version, change position and coin selection.
//
// The people look like real ones to the place package: phone numbers valid
// for their country (checked with libphonenumber), login addresses from
// networks the embedded iploc table maps to their country, with VPN exits
// for about a quarter of them and the odd trip abroad, login times following
// a day in their own time zone, and e-mail at national providers as well as
// global webmail. Payments are as messy as real ones: short, over, late,
// split, never made but recorded as paid, and duplicated rows; the truth
// says which (truth/invoices.tsv).
//
// Prices follow the real month-end BTC/USD, BTC/GBP and EUR/USD levels of the
// period (see priceFacts) with daily noise; invoices are priced £50–£5,000 and
// quoted in BTC at the day's opening BTC/GBP rate.
//
// # Families
//
// Config.Family picks the kind of service whose database is seized: ispoof
// (the phone-spoofing service above, in NumSchemaVariants layouts), booter
// (a DDoS-for-hire panel: balance top-ups to one static address per client,
// a gateway's JSON callback naming the txid), cardshop (a carding shop: USD
// bills with the rate recorded, deposit addresses recycled from expired
// bills, Moscow local times, comp bills and bills paid twice) or ransomware
// (an affiliate panel: one address for everyone, txids pasted by hand,
// sometimes wrong, truncated or credited twice). The economy is the same;
// the seized tables, payment model and behaviours are the family's, and
// the truth is written in the same files (family*.go).
//
// # Outputs
//
// Generate writes blocks/ (Bitcoin Core blk*.dat files, regtest magic,
// 128 MiB files, download-order shuffles, stale blocks, optional xor.dat),
// seized/ (a MariaDB mysqldump and the same tables as CSV, in one of
// NumSchemaVariants layouts), prices/ (Yahoo-style OHLC CSV), tags/ (a
// GraphSense TagPack), directory/ (official numbers of the impersonated
// organisations) and truth/ (TSV files, and mapping.yaml: the coinsift
// mapping that reads the dump correctly). docs/format/world.md documents
// every file.
//
// # Invariants
//
//   - The same Config gives byte-identical output: every random stream is a
//     seeded PCG, nothing depends on map order or the clock.
//   - Every paid invoice in truth/payments.tsv is an output on the main chain
//     with exactly its amount and deposit address.
//   - With Config.Sign every transaction carries valid signatures and btcd's
//     consensus code accepts every block; without it scriptSigs and witnesses
//     are dummies of realistic size (and the keys, hence addresses and txids,
//     differ from the signed world of the same seed).
//   - Output is streamed: memory stays bounded by the chain's UTXO set and
//     the population, not by the seized rows.
package world
