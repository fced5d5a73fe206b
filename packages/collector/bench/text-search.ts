// Text search (`q`) at a few hundred thousand calls, on SQLite and
// PostgreSQL: one page of matches for a rare phrase and for a common word, and
// the count of each, through the stores (the text-search indexes), beside the
// plans they replaced, run on the same data: a scan of every record (both
// engines before the indexes) and, on SQLite, every FTS match sorted by time
// (the first index plan). Worst of three runs each.
// Run: node --import tsx --conditions=@llmscope/source bench/text-search.ts [calls] [sqlite|postgres|both]
import type { CallStore } from "../src/store/call-store.ts";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { postgresTestStores } from "../src/testing/postgres-test-stores.ts";
import { makeCall } from "../src/testing/make-call.ts";
import { pgWhere } from "../src/store/postgres/pg-calls.ts";
import { ftsPhrase } from "../src/store/sqlite-text-search.ts";
import { recordLikePattern } from "../src/traces/trace-filter-sql.ts";
import { numberedPlaceholders } from "../src/traces/sql-reader.ts";

const CALLS = Number(process.argv[2] ?? 300_000);
const which = process.argv[3] ?? "both";
const WORDS = ["refund", "invoice", "shipping", "password reset", "delivery", "warranty", "discount", "subscription"];
const RARE = "zanzibar-marmalade";
const COMMON = "warranty";
const PAGE = "ORDER BY started_at DESC, id DESC LIMIT 51";

async function fill(store: CallStore): Promise<void> {
  const t0 = Date.UTC(2026, 2, 1);
  for (let i = 0; i < CALLS; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, CALLS - i) }, (_, k) => {
      const n = i + k;
      const rare = n % 50_000 === 7 ? ` ${RARE}` : "";
      return makeCall({ startedAt: t0 + n * 1000, promptText: `Ticket ${n}: customer asks about ${WORDS[n % WORDS.length]} for order ${n * 7919 % 100_000}${rare}` });
    });
    await store.ingest(batch, t0);
  }
}

async function time(run: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await run();
    worst = Math.max(worst, performance.now() - t);
  }
  return worst;
}

type Sql = (sql: string, params: unknown[]) => Promise<unknown>;

/** the scan every record went through before the indexes: the lower-cased JSON record LIKE the query */
const scanWhere = (q: string) => ({ sql: "WHERE lower(record) LIKE ? ESCAPE '\\'", params: [recordLikePattern(q)] });

async function measure(name: string, store: CallStore, sql: Sql, extra: Record<string, () => Promise<unknown>> = {}): Promise<void> {
  const t = performance.now();
  await fill(store);
  const fillSeconds = (performance.now() - t) / 1000;
  const rows: [string, () => Promise<unknown>][] = [
    ["rare phrase page", () => store.listCalls({ q: RARE, limit: 50 })],
    ["common word page", () => store.listCalls({ q: COMMON, limit: 50 })],
    ["rare phrase count", () => store.count({ q: RARE })],
    ["common word count", () => store.count({ q: COMMON })],
    ["scan (before): rare phrase page", () => sql(`SELECT id, record FROM calls ${scanWhere(RARE).sql} ${PAGE}`, scanWhere(RARE).params)],
    ["scan (before): common word page", () => sql(`SELECT id, record FROM calls ${scanWhere(COMMON).sql} ${PAGE}`, scanWhere(COMMON).params)],
    ["scan (before): rare phrase count", () => sql(`SELECT count(*) FROM calls ${scanWhere(RARE).sql}`, scanWhere(RARE).params)],
    ...Object.entries(extra),
  ];
  const found = [await store.count({ q: RARE }), await store.count({ q: COMMON })];
  console.log(`${name}, ${CALLS} calls (stored in ${fillSeconds.toFixed(0)} s; ${found[0]} rare, ${found[1]} common matches), worst of 3:`);
  for (const [label, run] of rows) console.log(`  ${label}: ${(await time(run)).toFixed(1)} ms`);
}

if (which !== "postgres") {
  const tmp = tempDbPath();
  const store = new SqliteStore(tmp.path);
  const sql: Sql = async (text, params) => store.db.prepare(text).all(...params);
  await measure("SQLite", store, sql, {
    // the first index plan: every match looked up by rowid, then sorted by time
    "every FTS match sorted (first index plan): common word page": () =>
      sql(`SELECT id, record FROM calls WHERE rowid IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?) ${PAGE}`, [ftsPhrase(COMMON)]),
  });
  await store.close();
  tmp.cleanup();
}
if (which !== "sqlite") {
  const pg = postgresTestStores();
  const store = await pg.open();
  await measure("PostgreSQL", store, (text, params) => store.pool.query(numberedPlaceholders(text), params));
  // the plans behind those figures: the trigram index for the rare phrase, the time-ordered walk for the common word
  for (const q of [RARE, COMMON]) {
    const where = pgWhere({ q });
    const plan = await store.pool.query(`EXPLAIN ANALYZE SELECT started_at, id, record FROM calls ${where.sql} ${PAGE}`, where.params);
    console.log(`plan for ${q}:\n  ${plan.rows.map((r) => r["QUERY PLAN"]).join("\n  ")}`);
  }
  await pg.teardown();
}
