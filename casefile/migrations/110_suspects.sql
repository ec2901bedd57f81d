-- The suspects view: one row per person (or per account in no person) with
-- the figures triage rules test. Documented in docs/format/triage.md.
-- Built from the tables of seized load, link/value, trace payers, persons,
-- place and victims; a person missing from one of them gets zeros / NULL.

CREATE VIEW suspect_accounts AS
SELECT a.account_key,
       coalesce(CAST(p.person_id AS VARCHAR), 'account:' || a.account_key) AS person
FROM (SELECT DISTINCT account_key FROM accounts WHERE account_key IS NOT NULL) a
LEFT JOIN persons p USING (account_key);

CREATE VIEW suspect_figures AS
WITH
  acc AS (SELECT person, string_agg(account_key, ', ' ORDER BY account_key) AS accounts, count(*) AS n_accounts
          FROM suspect_accounts GROUP BY person),
  paid AS (SELECT sa.person, sum(t.verified_minor) AS paid_minor, sum(t.payments) AS payments, min(t.currency) AS currency
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
       coalesce(ex.exchanges, '') AS exchanges, coalesce(ex.direct, false) AS direct
FROM acc
LEFT JOIN pl USING (person) LEFT JOIN paid USING (person) LEFT JOIN cl USING (person)
LEFT JOIN vi USING (person) LEFT JOIN ex USING (person);
