// The "### Request traces" part of the collector's benchmark section: ingest
// of agent-like requests against the same calls alone, one trace's waterfall
// read, and the time breakdown over a million traces, on SQLite and PostgreSQL.
import { benchTraceIngest } from "./trace-ingest.ts";
import { benchTraceReads, type Timing } from "./trace-reads.ts";

const f = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const t = (x: Timing) => `${f(x.median, 1)} ms (slowest of 9: ${f(x.max, 1)})`;
const pass = (ok: boolean) => (ok ? "✅" : "❌");

export async function tracesSection(progress: (m: string) => void): Promise<string> {
  progress("traces: ingest with and without traces, SQLite…");
  const sqliteIngest = await benchTraceIngest("sqlite");
  progress("traces: ingest with and without traces, PostgreSQL…");
  const pgIngest = await benchTraceIngest("postgres");
  progress("traces: reads, SQLite…");
  const sqlite = await benchTraceReads("sqlite", 1_000_000, progress);
  progress("traces: reads, PostgreSQL…");
  const pg = await benchTraceReads("postgres", 1_000_000, progress);
  const ingestRow = (name: string, r: typeof sqliteIngest, goal: boolean) =>
    `| ${name}: calls with their traces (4 calls, 3 steps a trace) / the same calls alone, batches of ${r.batchSize} | ${f(r.withTracesPerSecond)} / ${f(r.callsOnlyPerSecond)} calls/s (${f(r.tracesPerSecond)} traces/s; ${r.drop > 0 ? `${f(r.drop * 100, 1)}% lower` : "no drop"}) | ${goal ? `within 15% ${pass(r.drop <= 0.15)}` : ""} |`;
  return `
### Request traces

Ingest: \`llmscope serve\` in its own process, 4 clients, ${f(sqliteIngest.calls)} calls a pass after a 5,000-call warm-up, calls-only and
with-traces passes alternating on fresh databases, best of two each. Reads: over HTTP on 127.0.0.1, the median of 9 requests
after a warm-up (and the slowest, which other load on the shared machine inflates).

| measure | result | goal |
|---|---|---|
${ingestRow("SQLite", sqliteIngest, true)}
${ingestRow("PostgreSQL", pgIngest, false)}
| \`/v1/traces/:id\`, ${sqlite.detailRows - 200} steps and 200 calls, SQLite | ${t(sqlite.detail)} | ≤ 50 ms ${pass(sqlite.detail.median <= 50)} |
| \`/v1/traces/:id\`, same trace, PostgreSQL | ${t(pg.detail)} | ≤ 50 ms ${pass(pg.detail.median <= 50)} |
| \`/v1/traces/stats?groupBy=feature&period=day\` over ${f(sqlite.traces)} traces (90 days), SQLite | ${t(sqlite.statsDay)} | ≤ 2,000 ms ${pass(sqlite.statsDay.median <= 2000)} |
| same, PostgreSQL | ${t(pg.statsDay)} | ≤ 2,000 ms ${pass(pg.statsDay.median <= 2000)} |
| \`/v1/traces/stats?groupBy=feature&period=hour\` over the last day, SQLite / PostgreSQL | ${t(sqlite.statsHour)} / ${t(pg.statsHour)} | |

- The stats read only the trace rollups (one row per feature and day, each with a histogram per time component), so they
  cost the same at 1M traces as at 1k; the million traces were written in SQL and their rollups folded with ingest's code
  (${f(sqlite.fillSeconds, 0)} s on SQLite, ${f(pg.fillSeconds, 0)} s on PostgreSQL).
`;
}
