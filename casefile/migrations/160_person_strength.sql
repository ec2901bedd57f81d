-- persons/v3: persons as weighted evidence (docs/methodology.md, "Persons").
-- Every link is one piece of evidence two accounts share: its kind (the
-- same as reason: paying_cluster, email, phone, btc_address,
-- deposit_address, login_ip, a messenger kind such as telegram, or
-- override), what it weighed (strength: 1 joins on its own; weaker pieces
-- join when a pair's pieces sum to at least 1) and the seized rows or
-- payments behind it, per account ("ACCOUNT: row, row; ACCOUNT: row").
ALTER TABLE person_links ADD COLUMN kind VARCHAR;
ALTER TABLE person_links ADD COLUMN strength DOUBLE;
ALTER TABLE person_links ADD COLUMN evidence VARCHAR;

-- Why a shared value was not used: shared (by more accounts than the
-- bound) or junk (a placeholder such as test@test.com or +440000000000).
ALTER TABLE person_dropped ADD COLUMN why VARCHAR;

-- Pairs of accounts that shared evidence summing to less than 1: considered
-- and not joined. kinds lists the kinds of their pieces (sorted, ','-
-- separated); pieces describes each piece: "kind value (strength)".
CREATE TABLE person_rejected (
    account_a VARCHAR NOT NULL,
    account_b VARCHAR NOT NULL,
    strength  DOUBLE  NOT NULL,
    kinds     VARCHAR NOT NULL,
    pieces    VARCHAR NOT NULL
);
