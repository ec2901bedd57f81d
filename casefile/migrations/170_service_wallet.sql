-- The service's own wallet, address by address (package link, written by
-- link/linksql; 'coinsift link' replaces it with the other link tables).
-- It starts from the deposit addresses the payments name and grows, pass
-- after pass, by the other inputs of every transaction spending a service
-- output (not a CoinJoin) and by its change (the one new output the stored
-- clustering puts in an input's cluster). An unmatched output to one of
-- these addresses whose transaction spends a service output is the
-- service's own transfer, never an unrecorded deposit.
--
-- links.status gains 'paid_again': a further payment to a paid invoice's
-- address from a cluster that paid it. Its key is the original payment's
-- with src_table suffixed '+again<n>' (invoices -> invoices+again1, same
-- evidence_id and src_row), n counting the invoice's further payments in
-- chain order, so the recorded payment's own key stays unique.

CREATE TABLE service_addresses (
    address_id UINTEGER NOT NULL PRIMARY KEY, -- chain index address id
    address    VARCHAR  NOT NULL,
    cluster_id UINTEGER NOT NULL,             -- stored cluster (the address itself without clustering)
    why        VARCHAR  NOT NULL,             -- deposit, co_spent, change
    via        VARCHAR,                       -- the service address that brought it in; NULL for a deposit address
    txid       VARCHAR,                       -- the transaction of a co_spent or change reason
    round      INTEGER  NOT NULL              -- the pass that added it; 0: a deposit address
);
