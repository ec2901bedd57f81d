-- Canonical calls become a view, like logins (130_logins_view.sql). A call
-- log is the second largest table of a seized spoofing service, and its
-- mapping is usually a projection of the raw row: text as it is, a datetime
-- as a TIMESTAMP, an integer duration as a BIGINT, and the destination's
-- E.164 form, which SQL cannot compute (libphonenumber). For such rows the
-- load writes no second copy: it records the projection in
-- seized_projections and, in seized_projection_values, the derived value of
-- every distinct source text whose derived value is not the text itself
-- (national-format numbers; an E.164 number is its own form). Rows that
-- differ are written to calls_rows as before.
ALTER TABLE calls RENAME TO calls_rows;

CREATE TABLE seized_projection_values (
    evidence_id  VARCHAR NOT NULL,
    src_table    VARCHAR NOT NULL,
    target       VARCHAR NOT NULL,     -- canonical table: calls
    raw          VARCHAR NOT NULL,     -- the source column's text
    value        VARCHAR,              -- its derived value; NULL: none
    PRIMARY KEY (evidence_id, src_table, target, raw)
);

CREATE VIEW calls AS
SELECT account_key, caller_id, destination_raw, destination_e164, started_at, duration_s, status, template,
       evidence_id, src_table, src_row FROM calls_rows;
