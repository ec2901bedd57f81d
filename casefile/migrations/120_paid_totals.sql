-- account_totals counted only payments with status 'verified', so money
-- that verifiably arrived late, short or over the recorded amount did not
-- count towards what an account paid (triage's "paid at least £100").
-- Every payment whose money arrived on chain now counts, at the value of
-- what arrived; 'verified_payments' keeps the count of the exactly-right
-- ones.
CREATE OR REPLACE VIEW account_totals AS
WITH pv AS (
    SELECT evidence_id, src_table, src_row, any_value(currency) AS currency,
           sum(value_minor) AS value_minor, count(*) AS valued
    FROM payment_values GROUP BY ALL
)
SELECT l.account_key,
       pv.currency,
       count(*)                                       AS payments,
       sum(pv.value_minor)                            AS verified_minor,
       sum(l.paid_sats)                               AS verified_sats,
       min(l.first_time)                              AS first_payment,
       max(l.first_time)                              AS last_payment,
       count(*) FILTER (WHERE l.status = 'verified')  AS verified_payments
FROM links l JOIN pv USING (evidence_id, src_table, src_row)
WHERE l.status IN ('verified', 'late', 'partial', 'amount_mismatch') AND pv.valued = l.outputs
GROUP BY l.account_key, pv.currency;
