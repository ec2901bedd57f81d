// Package casefile implements the case directory: its settings (case.toml),
// the DuckDB store (case.duckdb) with its embedded, versioned migrations, the
// evidence registry (evidence.jsonl), the hash-chained audit log
// (audit.jsonl), the quarantine table, and the lock that keeps a second
// process from changing a case that is in use.
//
// # Layout
//
//	case.toml       name, created, settings: currency, default_region,
//	                chain_dir and [settings.report] authority, legal_basis,
//	                officer (heading production orders; see Settings)
//	case.duckdb     everything tabular; schema from migrations/*.sql
//	evidence.jsonl  one JSON object per registered evidence file
//	audit.jsonl     one JSON object per command that changed the case
//	chain/          the chain index (see package chainindex)
//	exports/        what report commands wrote
//	.lock           advisory lock; holds the PID of the process that changes the case
//
// # Invariants
//
// Evidence files are hashed at intake and never modified. Every audit line
// carries the SHA-256 of the previous line's canonical encoding, and the head
// of the chain (seq and hash) is mirrored in case.duckdb, so that an edited,
// removed, reordered or truncated line is found by [VerifyAudit]. A process
// that opens a case for writing holds an exclusive flock on .lock for its
// lifetime; the kernel releases it if the process dies, so a crash never
// leaves a stale lock. Parts of one process that run at the same time
// share the open case through [Case.Borrow]; audit and evidence appends
// are serialised between the handles.
//
// # Entry points
//
// [Init] creates a case, [Open] opens one, [Case.AddEvidence] registers a
// file, [Case.AppendAudit] records a command, [VerifyAudit] and
// [Case.VerifyEvidence] check integrity; [Case.SetReportSettings]
// rewrites the report settings of case.toml.
package casefile
