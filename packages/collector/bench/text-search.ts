// Text search (`q`) at a few hundred thousand calls, on SQLite and
// PostgreSQL: one page of matches for a rare phrase and for a common word,
// and the count of a rare phrase's matches. Worst of three runs each.
// Run: node --import tsx --conditions=@llmscope/source bench/text-search.ts [calls] [sqlite|postgres|both]
import type { CallStore } from "../src/store/call-store.ts";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { postgresTestStores } from "../src/testing/postgres-test-stores.ts";
import { makeCall } from "../src/testing/make-call.ts";

const CALLS = Number(process.argv[2] ?? 300_000);
const which = process.argv[3] ?? "both";
const WORDS = ["refund", "invoice", "shipping", "password reset", "delivery", "warranty", "discount", "subscription"];

async function fill(store: CallStore): Promise<void> {
  const t0 = Date.UTC(2026, 2, 1);
  for (let i = 0; i < CALLS; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, CALLS - i) }, (_, k) => {
      const n = i + k;
      const rare = n % 50_000 === 7 ? " zanzibar-marmalade" : "";
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

async function measure(name: string, store: CallStore): Promise<void> {
  const t = performance.now();
  await fill(store);
  const fillSeconds = (performance.now() - t) / 1000;
  const rare = await time(() => store.listCalls({ q: "zanzibar-marmalade", limit: 50 }));
  const common = await time(() => store.listCalls({ q: "warranty", limit: 50 }));
  const count = await time(() => store.count({ q: "zanzibar-marmalade" }));
  const found = await store.count({ q: "zanzibar-marmalade" });
  console.log(`${name}, ${CALLS} calls (stored in ${fillSeconds.toFixed(0)} s): rare phrase page ${rare.toFixed(0)} ms, common word page ${common.toFixed(0)} ms, rare phrase count ${count.toFixed(0)} ms (${found} found)`);
}

if (which !== "postgres") {
  const tmp = tempDbPath();
  const store = new SqliteStore(tmp.path);
  await measure("SQLite", store);
  await store.close();
  tmp.cleanup();
}
if (which !== "sqlite") {
  const pg = postgresTestStores();
  await measure("PostgreSQL", await pg.open());
  await pg.teardown();
}
