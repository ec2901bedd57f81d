// Package clustersql stores a clustering in the case's DuckDB store and
// reads back what 'cluster show' and 'cluster explain' need.
//
// # Tables
//
// clusters (address → cluster), cluster_sizes, cluster_merges (the spanning
// forest that explains every cluster), cluster_coinjoins, cluster_change and
// cluster_runs (settings with heuristic versions, and statistics); the
// schema is casefile/migrations/050_cluster.sql. [Save] replaces them all in
// one transaction, so an interrupted run leaves the previous clustering.
package clustersql
