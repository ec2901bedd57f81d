// Package link matches the payments a seized database records to outputs of
// the chain, and finds the deposits it does not record.
//
// # Model
//
// A [Payment] is one row of the canonical payments table, identified by its
// provenance [Key] (evidence id, source table, source row). [Run] gives each
// a [Link] with a [Status]:
//
//   - verified: the outputs pay the recorded amount, within the tolerance
//     max(1,000 sats, 0.5 %), within the window (72 h after the invoice's
//     creation; blocks may be stamped up to 2 h before it);
//   - amount_mismatch: more than the recorded amount beyond the tolerance, or
//     a recorded txid paying another amount;
//   - partial: less than the recorded amount beyond the tolerance;
//   - late: the amount, after the window;
//   - unpaid: no output, and the service's own status says unpaid, expired,
//     cancelled or pending;
//   - not_found: the recorded txid is not in the chain (or pays nothing to the
//     address), or the address has no unused output from the creation on;
//   - address_never_seen: no output ever paid the address, yet the service
//     says the invoice was paid;
//   - duplicate: another record of a payment already linked, or a row
//     whose recorded txid another row already holds (a double credit:
//     counted once, both rows' reasons name each other);
//   - paid_again: a further payment to a paid invoice's address from a
//     cluster that paid it (a row of its own, keyed by [Key.Again]).
//
// # Matching
//
// A recorded txid (and vout) is looked up first; otherwise the deposit
// address's outputs are taken in chain order, from the invoice's creation
// minus the slack on, until the recorded amount is reached (several
// outputs within the window count as one payment). Payments to a reused
// address are served in creation order, and every output is assigned to at
// most one payment; at an address several payments share, every payment
// first takes an output of its own amount in its window, and only then do
// the rest take the first unused outputs. At an address of several
// accounts (one static address, or one recycled) a payment's first output
// must be in its window, and an invoice the service says is unpaid ends
// its window where the address was handed to another account's invoice.
// A recorded txid typed wrong is looked for at the address: as the start
// of a txid paying it (cut short), else as a payment with no txid — at an
// address of several accounts by its amount alone. At an account's own address (several
// payments of one account name it, no other's), a payment may precede its
// row by the window (a top-up credited later). A payment its recorded
// txid pays short then takes the unused outputs to its address in the
// window (the other parts of a split payment). Last, an unused output to a
// paid invoice's address from a cluster that paid it is [PaidAgain], and
// so is any other unused output to an account's own address that is not
// the service's own transfer.
//
// # The service's wallet
//
// The service's own wallet ([ServiceAddress]) grows from the deposit
// addresses by the service's spends: the other inputs of every transaction
// spending a service output (not a CoinJoin) and its change, to a fixed
// point. A [Deposit] is an output to it, from a transaction spending no
// service output, that no payment accounts for: money the service received
// but did not record. Outputs from transactions spending service outputs
// are its own transfers, counted in [Stats]. [WalletPart] describes the
// wallet by stored cluster: sizes, sweeps and where they went.
//
// The package reads the chain through [Chain] (the chain index implements
// it); package link/linksql loads the payments and stores the results in
// the case.
package link
