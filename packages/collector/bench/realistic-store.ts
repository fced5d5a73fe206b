// Writes a SQLite store of the realistic traffic model with no incidents (ten
// weeks of an organisation's ordinary days ending 2026-03-15), for looking at
// what the anomalies page and `llmscope report` say about ordinary days:
//   tsx bench/realistic-store.ts ./ordinary.db [seed]
//   llmscope report --db ./ordinary.db --from 2026-02-16 --to 2026-03-16
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { dayOf } from "../src/store/time-buckets.ts";
import { seededRandom } from "../src/testing/seeded-random.ts";
import { realisticTraffic } from "../src/testing/realistic-traffic/realistic-traffic.ts";

const path = process.argv[2];
if (!path) throw new Error("usage: realistic-store.ts <db path> [seed]");
const seed = Number(process.argv[3] ?? 21);
const lastDay = dayOf(Date.UTC(2026, 2, 15));
const firstDay = lastDay - 69;
const traffic = realisticTraffic({ firstDay, lastDay }, [], seededRandom(seed));
const store = new SqliteStore(path, { synchronous: "normal" });
let calls = 0;
for (let day = firstDay; day <= lastDay; day++) {
  const batch = traffic.generateDay(day);
  for (let i = 0; i < batch.length; i += 1000) await store.ingest(batch.slice(i, i + 1000), Date.now());
  calls += batch.length;
}
await store.close();
console.log(`${calls} calls over ${lastDay - firstDay + 1} days in ${path}`);
