-- Triage (package triage, written by triage/triagesql): victims found in the
-- call logs, named rules, and the suspects of the last triage run.

CREATE TABLE victims (
    e164          VARCHAR NOT NULL,
    country       VARCHAR,
    calls         INTEGER NOT NULL,
    longest_s     BIGINT  NOT NULL,
    total_s       BIGINT  NOT NULL,
    first_call    TIMESTAMP,
    last_call     TIMESTAMP,
    organisations VARCHAR NOT NULL,   -- impersonated organisations, '; '-separated
    accounts      VARCHAR NOT NULL,   -- service accounts that called, ', '-separated
    min_duration_s BIGINT NOT NULL    -- the threshold this list was made with
);

CREATE TABLE triage_rules (
    name       VARCHAR PRIMARY KEY,
    expr       VARCHAR NOT NULL,
    note       VARCHAR,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE suspects (
    rule_name  VARCHAR NOT NULL,
    rule_expr  VARCHAR NOT NULL,
    rank       INTEGER NOT NULL,
    person     VARCHAR NOT NULL,
    accounts   VARCHAR NOT NULL,      -- ', '-separated
    country    VARCHAR,
    confidence DOUBLE  NOT NULL,
    paid_minor BIGINT  NOT NULL,
    currency   VARCHAR NOT NULL,
    payments   INTEGER NOT NULL,
    calls      INTEGER NOT NULL,
    victims    INTEGER NOT NULL,
    exchanges  VARCHAR NOT NULL,      -- ', '-separated
    direct     BOOLEAN NOT NULL,
    score      DOUBLE  NOT NULL,
    reasons    VARCHAR NOT NULL       -- JSON array
);
