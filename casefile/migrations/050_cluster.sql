-- Clustering results (package cluster, written by cluster/clustersql).
-- One clustering per case: 'coinsift cluster run' replaces these tables in
-- one transaction. Address and transaction numbers are the chain index's.

CREATE TABLE cluster_runs (
    run_id     INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    settings   VARCHAR NOT NULL,   -- cluster.Config.Describe(): heuristics with versions
    stats      VARCHAR NOT NULL    -- JSON of cluster.Stats
);

CREATE TABLE clusters (
    address_id UINTEGER NOT NULL,  -- chain index address id
    cluster_id UINTEGER NOT NULL   -- the smallest address id in the cluster
);

CREATE TABLE cluster_sizes (
    cluster_id UINTEGER NOT NULL,
    size       UINTEGER NOT NULL
);

-- Every union that joined two clusters: a spanning forest of each cluster.
CREATE TABLE cluster_merges (
    seq        BIGINT   NOT NULL,  -- order of the union
    cluster_id UINTEGER NOT NULL,
    a          UINTEGER NOT NULL,
    b          UINTEGER NOT NULL,
    tx         BIGINT   NOT NULL,  -- chain index transaction number
    heuristic  VARCHAR  NOT NULL   -- name/version
);

CREATE TABLE cluster_coinjoins (
    tx       BIGINT  NOT NULL,
    detector VARCHAR NOT NULL
);

CREATE TABLE cluster_change (
    tx       BIGINT  NOT NULL,
    vout     INTEGER NOT NULL,
    votes    VARCHAR NOT NULL,     -- sub-heuristics that named this output
    merged   BOOLEAN NOT NULL,
    refusal  VARCHAR,              -- conflict, votes, guard-size, guard-tag
    conflict VARCHAR               -- sub-heuristics that named another output
);

-- Attribution propagated to clusters: every tag of every member address,
-- so that conflicting tags on one cluster are shown, not hidden.
CREATE TABLE cluster_tags (
    cluster_id         UINTEGER NOT NULL,
    address_id         UINTEGER NOT NULL,
    address            VARCHAR  NOT NULL,
    label              VARCHAR  NOT NULL,
    category           VARCHAR,
    actor              VARCHAR,
    confidence_level   INTEGER,
    is_cluster_definer BOOLEAN  NOT NULL,
    pack               VARCHAR
);
