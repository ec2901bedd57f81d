-- One meaning per word. Migration 120 summed every payment whose money
-- arrived on chain (verified, late, partial, amount mismatch) under the name
-- verified_minor, so "verified" figures included money that was not. Here
-- each link status has its own columns and "verified" is verified alone:
--
--   verified_*    paid the recorded amount within the window
--   late_*        paid the amount after the window (or after the service
--                 recorded the invoice as expired)
--   partial_*     underpaid beyond the tolerance
--   mismatch_*    overpaid, or the recorded tx pays another amount
--   paid_again_*  a further payment to an invoice's address from the
--                 cluster that paid it (link status paid_again)
--   received_*    all of the above: the money that arrived on chain
--   duplicate_payments  other records of a payment already linked; they
--                 add no money and are counted in no other column
--
-- A payment counts when every one of its outputs is valued. An account
-- appears when some money of its arrived; payments is the count of those
-- payments (verified + late + partial + mismatch + paid again).
-- Documented in docs/format/triage.md ("Money by status").
CREATE OR REPLACE VIEW account_totals AS
WITH pv AS (
    SELECT evidence_id, src_table, src_row, any_value(currency) AS currency,
           sum(value_minor) AS value_minor, count(*) AS valued
    FROM payment_values GROUP BY ALL
),
dup AS (
    SELECT account_key, count(*) AS n FROM links WHERE status = 'duplicate' GROUP BY account_key
)
SELECT l.account_key,
       pv.currency,
       count(*)                                                                   AS payments,
       sum(pv.value_minor)                                                        AS received_minor,
       sum(l.paid_sats)                                                           AS received_sats,
       min(l.first_time)                                                          AS first_payment,
       max(l.first_time)                                                          AS last_payment,
       count(*) FILTER (WHERE l.status = 'verified')                              AS verified_payments,
       coalesce(sum(pv.value_minor) FILTER (WHERE l.status = 'verified'), 0)      AS verified_minor,
       coalesce(sum(l.paid_sats) FILTER (WHERE l.status = 'verified'), 0)         AS verified_sats,
       count(*) FILTER (WHERE l.status = 'late')                                  AS late_payments,
       coalesce(sum(pv.value_minor) FILTER (WHERE l.status = 'late'), 0)          AS late_minor,
       count(*) FILTER (WHERE l.status = 'partial')                               AS partial_payments,
       coalesce(sum(pv.value_minor) FILTER (WHERE l.status = 'partial'), 0)       AS partial_minor,
       count(*) FILTER (WHERE l.status = 'amount_mismatch')                       AS mismatch_payments,
       coalesce(sum(pv.value_minor) FILTER (WHERE l.status = 'amount_mismatch'), 0) AS mismatch_minor,
       count(*) FILTER (WHERE l.status = 'paid_again')                            AS paid_again_payments,
       coalesce(sum(pv.value_minor) FILTER (WHERE l.status = 'paid_again'), 0)    AS paid_again_minor,
       coalesce(any_value(dup.n), 0)                                              AS duplicate_payments
FROM links l JOIN pv USING (evidence_id, src_table, src_row)
LEFT JOIN dup USING (account_key)
WHERE l.status IN ('verified', 'late', 'partial', 'amount_mismatch', 'paid_again') AND pv.valued = l.outputs
GROUP BY l.account_key, pv.currency;

-- suspect_figures (migration 110) gains the same split. paid_minor stays,
-- as the total received on chain (the rule field paid is the deprecated
-- name of received).
CREATE OR REPLACE VIEW suspect_figures AS
WITH
  acc AS (SELECT person, string_agg(account_key, ', ' ORDER BY account_key) AS accounts, count(*) AS n_accounts
          FROM suspect_accounts GROUP BY person),
  paid AS (SELECT sa.person, sum(t.received_minor) AS paid_minor, sum(t.payments) AS payments, min(t.currency) AS currency,
                  sum(t.verified_minor) AS verified_minor, sum(t.verified_payments) AS verified_payments,
                  sum(t.late_minor) AS late_minor, sum(t.partial_minor) AS partial_minor,
                  sum(t.mismatch_minor) AS mismatch_minor, sum(t.paid_again_minor) AS paid_again_minor
           FROM suspect_accounts sa JOIN account_totals t USING (account_key) GROUP BY sa.person),
  cl AS (SELECT sa.person, count(*) AS calls
         FROM suspect_accounts sa JOIN calls c USING (account_key) GROUP BY sa.person),
  vi AS (SELECT sa.person, count(DISTINCT c.destination_e164) AS victims
         FROM suspect_accounts sa JOIN calls c USING (account_key)
         WHERE c.destination_e164 IS NOT NULL
           AND c.duration_s >= coalesce((SELECT max(min_duration_s) FROM victims), 60)
         GROUP BY sa.person),
  ex AS (SELECT sa.person, string_agg(DISTINCT s.entity, ', ' ORDER BY s.entity) AS exchanges,
                bool_or(s.direct_payments > 0) AS direct
         FROM suspect_accounts sa JOIN account_sources s USING (account_key)
         WHERE s.category = 'exchange' GROUP BY sa.person),
  pl AS (SELECT subject AS person, country, confidence, conflicts FROM placements WHERE subject_kind = 'person'
         UNION ALL
         SELECT 'account:' || subject, country, confidence, conflicts FROM placements WHERE subject_kind = 'account')
SELECT acc.person, acc.accounts, acc.n_accounts,
       pl.country, coalesce(pl.confidence, 0) AS confidence, pl.conflicts,
       coalesce(paid.paid_minor, 0) AS paid_minor, paid.currency, coalesce(paid.payments, 0) AS payments,
       coalesce(cl.calls, 0) AS calls, coalesce(vi.victims, 0) AS victims,
       coalesce(ex.exchanges, '') AS exchanges, coalesce(ex.direct, false) AS direct,
       coalesce(paid.paid_minor, 0) AS received_minor,
       coalesce(paid.verified_minor, 0) AS verified_minor, coalesce(paid.verified_payments, 0) AS verified_payments,
       coalesce(paid.late_minor, 0) AS late_minor, coalesce(paid.partial_minor, 0) AS partial_minor,
       coalesce(paid.mismatch_minor, 0) AS mismatch_minor, coalesce(paid.paid_again_minor, 0) AS paid_again_minor
FROM acc
LEFT JOIN pl USING (person) LEFT JOIN paid USING (person) LEFT JOIN cl USING (person)
LEFT JOIN vi USING (person) LEFT JOIN ex USING (person);

-- The suspects of the last triage run keep the split too (paid_minor: the
-- total received on chain).
ALTER TABLE suspects ADD COLUMN verified_minor BIGINT DEFAULT 0;
ALTER TABLE suspects ADD COLUMN late_minor BIGINT DEFAULT 0;
ALTER TABLE suspects ADD COLUMN partial_minor BIGINT DEFAULT 0;
ALTER TABLE suspects ADD COLUMN mismatch_minor BIGINT DEFAULT 0;
ALTER TABLE suspects ADD COLUMN paid_again_minor BIGINT DEFAULT 0;
ALTER TABLE suspects ADD COLUMN verified_payments INTEGER DEFAULT 0;
