// The q filter through SQLite's trigram index: the same matches as the scan
// it replaces, and a database from before the index gets it filled on open.
import { afterEach, describe, expect, it } from "vitest";
import { SqliteStore } from "./sqlite-store.ts";
import { makeCall } from "../testing/make-call.ts";
import { tempDbPath } from "../testing/temp-db.ts";
import { recordPrefilter } from "./sqlite-text-search.ts";
import { foldCase, saidText } from "./said-text.ts";

const T0 = Date.UTC(2026, 2, 4, 14, 0, 0);
let tmp: ReturnType<typeof tempDbPath>;
afterEach(() => tmp.cleanup());

describe("SQLite text search index", () => {
  it("answers q from calls_fts, with short queries still scanning", async () => {
    tmp = tempDbPath();
    const store = new SqliteStore(tmp.path);
    await store.ingest([makeCall({ id: "a", startedAt: T0, promptText: "Ship to Zürich by Friday" }), makeCall({ id: "b", startedAt: T0 + 1, promptText: "qz" })], T0);
    const plan = store.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM calls WHERE rowid IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)").all('"zürich"') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/VIRTUAL TABLE INDEX/);
    expect((await store.listCalls({ q: "ZÜRICH by" })).calls.map((c) => c.id)).toEqual(["a"]);
    expect((await store.listCalls({ q: "QZ" })).calls.map((c) => c.id)).toEqual(["b"]);
    expect(await store.count({ q: "friday", from: T0 + 1 })).toBe(0);
    await store.addFeedback([{ callId: "b", score: -1, comment: "hallucinated a tracking number", at: T0 }]);
    expect((await store.listCalls({ q: "tracking number" })).calls.map((c) => c.id)).toEqual(["b"]);
    await store.close();
  });

  it("fills the index from the calls stored before it existed", async () => {
    tmp = tempDbPath();
    const old = new SqliteStore(tmp.path);
    await old.ingest([makeCall({ id: "kept", startedAt: T0, promptText: "a refund for order 42" })], T0);
    // as before schema version 5: no index, no triggers
    old.db.exec("DROP TRIGGER calls_fts_insert; DROP TRIGGER calls_fts_delete; DROP TRIGGER calls_fts_update; DROP TABLE calls_fts; DELETE FROM migrations WHERE version = 5");
    await old.close();
    const upgraded = new SqliteStore(tmp.path);
    expect((await upgraded.listCalls({ q: "order 42" })).calls.map((c) => c.id)).toEqual(["kept"]);
    expect(await upgraded.count()).toBe(1);
    await upgraded.close();
  });

  it("prefilters a scan with a LIKE the record matches whenever what the call said holds q", async () => {
    tmp = tempDbPath();
    const store = new SqliteStore(tmp.path);
    const texts = ["İSTANBUL via the \u212Aelvin scale", 'a "quoted" C:\\path\\to', "50% off_now", "naïve café — 🚀 launch", "ǅemal Straße"];
    const like = store.db.prepare("SELECT ? LIKE ? ESCAPE '\\'").pluck();
    let checked = 0;
    for (const text of texts) {
      const call = makeCall({ promptText: text });
      const said = foldCase(saidText(call));
      const record = JSON.stringify(call);
      for (let start = 0; start < said.length; start++) {
        for (const length of [1, 2, 3, 6, 12]) {
          const q = said.slice(start, start + length);
          const pattern = recordPrefilter(q.toUpperCase());
          if (pattern === undefined || !foldCase(saidText(call)).includes(foldCase(q.toUpperCase()))) continue;
          expect(like.get(record, pattern), `${q} in ${text}`).toBe(1);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
    // and it does filter: a record without the text fails it
    expect(like.get(JSON.stringify(makeCall({ promptText: "nothing here" })), recordPrefilter("Zürich"))).toBe(0);
    expect(recordPrefilter("line\nbreak")).toBeUndefined();
    await store.close();
  });
});
