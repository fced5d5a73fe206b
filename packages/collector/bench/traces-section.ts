// The "### Request traces" part of the collector's benchmark section: ingest
// of agent-like requests against the same calls alone, one trace's waterfall
// read, and the time breakdown over a million traces, on SQLite and PostgreSQL.
import os from "node:os";
import { benchTraceIngest, type TraceIngestResult } from "./trace-ingest.ts";
import { benchTraceReads, type Timing, type TraceReadsResult } from "./trace-reads.ts";

const f = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const t = (x: Timing) => `${f(x.median, 1)} ms (p95 ${f(x.p95, 1)} ms; CPU ${f(x.cpuMs, 1)} ms)`;
const pass = (ok: boolean) => (ok ? "✅" : "❌");
const lower = (drop: number) => (drop > 0 ? `${f(drop * 100, 1)}% lower` : `${f(-drop * 100, 1)}% higher`);

export interface TracesSectionOptions {
  /** calls a pass in the ingest rounds */
  calls?: number;
  rounds?: number;
  /** filled stores kept between runs (a SQLite file, a PostgreSQL database name); made and removed when absent */
  keep?: { sqlite?: string; postgres?: string };
}

function ingestRows(name: string, r: TraceIngestResult): string {
  const m = r.median;
  const w = r.worst;
  return [
    `| ${name}: calls with their traces (4 calls, 3 steps a trace) / the same calls alone, batches of ${r.batchSize}, median of ${r.rounds.length} rounds | ${f(m.withTraces.callsPerSecond)} / ${f(m.callsOnly.callsPerSecond)} calls/s (${lower(1 - m.ratio)}) | within 15% ${pass(1 - m.ratio <= 0.15)} |`,
    `| ${name}: the worst round | ${f(w.withTraces.callsPerSecond)} / ${f(w.callsOnly.callsPerSecond)} calls/s (${lower(1 - w.ratio)}) | within 15% ${pass(1 - w.ratio <= 0.15)} |`,
    `| ${name}: the server's CPU per 1,000 calls, with traces / alone, each round | ${r.rounds.map((x) => `${f(x.withTraces.cpuMsPer1000)} / ${f(x.callsOnly.cpuMsPer1000)} ms`).join("; ")} | |`,
  ].join("\n");
}

function readRows(name: string, r: TraceReadsResult): string {
  return [
    `| \`/v1/traces/:id\`, ${r.detailRows - 200} steps and 200 calls, over ${f(r.traces)} traces, ${name} | ${t(r.detail)} | ≤ 50 ms ${pass(r.detail.median <= 50)} |`,
    `| \`/v1/traces/stats?groupBy=feature&period=day\` over ${f(r.traces)} traces (90 days), ${name} | ${t(r.statsDay)} | ≤ 2,000 ms ${pass(r.statsDay.median <= 2000)} |`,
    `| \`/v1/traces/stats?groupBy=feature&period=hour\` over the last day, ${name} | ${t(r.statsHour)} | |`,
  ].join("\n");
}

export async function tracesSection(progress: (m: string) => void, options: TracesSectionOptions = {}): Promise<string> {
  const load = os.loadavg()[0]!;
  const calls = options.calls ?? 50_000;
  const rounds = options.rounds ?? 5;
  progress("traces: ingest with and without traces, SQLite…");
  const sqliteIngest = await benchTraceIngest("sqlite", calls, 250, 4, rounds);
  progress("traces: ingest with and without traces, PostgreSQL…");
  const pgIngest = await benchTraceIngest("postgres", calls, 250, 4, rounds);
  progress("traces: reads, SQLite…");
  const sqlite = await benchTraceReads("sqlite", 1_000_000, progress, options.keep?.sqlite);
  progress("traces: reads, PostgreSQL…");
  const pg = await benchTraceReads("postgres", 1_000_000, progress, options.keep?.postgres);
  const fill = (r: TraceReadsResult) => (r.fillSeconds === undefined ? "kept from an earlier run" : `${f(r.fillSeconds)} s`);
  return `
### Request traces

Ingest: \`llmscope serve\` in its own process (alerts and quality scoring on), 4 clients, ${f(calls)} calls a pass after a
5,000-call warm-up; ${rounds} rounds, each a calls-only pass and a with-traces pass on fresh databases (which goes first
alternates), so each round's ratio compares two passes minutes apart. The server's CPU time (user + system, all its threads)
is shown beside: other load on a shared machine inflates it less than wall time. Reads: over HTTP on 127.0.0.1 against the
collector's handler, median and p95 of 41 requests after 3 warm-ups, and the median CPU of the process per request (server
and client share it). Load average when the part started: ${f(load, 1)} on ${os.cpus().length} cores, ${f(os.loadavg()[0]!, 1)} when it ended.

| measure | result | goal |
|---|---|---|
${ingestRows("SQLite", sqliteIngest)}
${ingestRows("PostgreSQL", pgIngest)}
${readRows("SQLite", sqlite)}
${readRows("PostgreSQL", pg)}

- The stats read only the trace rollups (one row per feature and day or hour, each with a histogram per time component),
  found by an index on (dimension, bucket), so they cost the same at 1M traces as at 1k; the million traces were written in
  SQL and their rollups folded with ingest's code (SQLite: ${fill(sqlite)}; PostgreSQL: ${fill(pg)}).
- \`/v1/traces/:id\` reads the trace by its key and its calls by theirs: nothing in it grows with the traces stored.
`;
}
