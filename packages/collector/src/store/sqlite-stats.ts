// /v1/stats reads the day rollups, never the calls table: a million stored
// calls are a few hundred rollup rows per dimension.
import type Database from "better-sqlite3";
import type { RollupRow, StatsQuery, StatsRow } from "./call-store.ts";
import { histogramPercentile, mergeHistograms, type Histogram } from "./histogram.ts";
import { dayLabel, dayOf, monthLabel } from "./time-buckets.ts";
import type { RollupDbRow } from "./rollup.ts";


interface Group {
  row: StatsRow;
  latency: Histogram;
  ttft: Histogram;
}

export function createStats(db: Database.Database) {
  const byDim = db.prepare("SELECT * FROM rollup WHERE dim = ? AND day >= ? AND day <= ?");
  return (q: StatsQuery): StatsRow[] => {
    const fromDay = q.from !== undefined ? dayOf(q.from) : -1e9;
    const toDay = q.to !== undefined ? dayOf(q.to - 1) : 1e9;
    const groups = new Map<string, Group>();
    for (const r of byDim.iterate(q.groupBy, fromDay, toDay) as Iterable<RollupDbRow>) {
      const period = q.period === "day" ? dayLabel(r.day) : q.period === "month" ? monthLabel(r.day) : "all";
      const id = `${period}\u0000${r.key}`;
      let g = groups.get(id);
      if (!g) {
        g = { row: { period, key: r.key, calls: 0, inputTokens: 0, outputTokens: 0, costUSD: 0, errors: 0, errorsByKind: {} }, latency: {}, ttft: {} };
        groups.set(id, g);
      }
      g.row.calls += r.calls;
      g.row.inputTokens += r.input_tokens;
      g.row.outputTokens += r.output_tokens;
      g.row.costUSD += r.cost_usd;
      g.row.errors += r.errors;
      for (const [k, n] of Object.entries(JSON.parse(r.errors_by_kind) as Record<string, number>)) {
        g.row.errorsByKind[k] = (g.row.errorsByKind[k] ?? 0) + n;
      }
      mergeHistograms(g.latency, JSON.parse(r.latency_hist));
      mergeHistograms(g.ttft, JSON.parse(r.ttft_hist));
    }
    return [...groups.values()].map(finish).sort((a, b) => a.period.localeCompare(b.period) || b.costUSD - a.costUSD);
  };
}

function finish(g: Group): StatsRow {
  const row = g.row;
  row.costUSD = Math.round(row.costUSD * 1e6) / 1e6;
  const set = (name: "latencyP50Ms" | "latencyP95Ms" | "ttftP50Ms" | "ttftP95Ms", h: Histogram, p: number) => {
    const v = histogramPercentile(h, p);
    if (v !== undefined) row[name] = v;
  };
  set("latencyP50Ms", g.latency, 0.5);
  set("latencyP95Ms", g.latency, 0.95);
  set("ttftP50Ms", g.ttft, 0.5);
  set("ttftP95Ms", g.ttft, 0.95);
  return row;
}

export function createRollupReader(db: Database.Database) {
  // One statement for every key of a batch (json_each expands the list), so a
  // batch touching 200 users costs one query, not 200.
  const many = db.prepare(`SELECT dim, key, day, calls, input_tokens, output_tokens, cost_usd, errors FROM rollup
    WHERE dim = ? AND key IN (SELECT value FROM json_each(?)) AND day >= ? AND day <= ?`);
  return (dim: string, keys: string[], fromDay: number, toDay: number): RollupRow[] =>
    (many.all(dim, JSON.stringify(keys), fromDay, toDay) as RollupDbRow[]).map((r) => ({
      dim: r.dim, key: r.key, day: r.day, calls: r.calls, inputTokens: r.input_tokens,
      outputTokens: r.output_tokens, costUSD: r.cost_usd, errors: r.errors,
    }));
}
