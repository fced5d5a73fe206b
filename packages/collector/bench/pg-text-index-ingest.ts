// What PostgreSQL's text-search index (calls_search_trgm) costs ingest: two
// `llmscope serve` on two databases, one with the index and one where it was
// dropped after migrating, fed the same batches over HTTP in alternating
// passes (with, without, without, with, …) so load on a shared machine falls
// on both alike.
// Run: node --import tsx --conditions=@llmscope/source bench/pg-text-index-ingest.ts [calls per pass] [passes per side] [prompt characters] [batch size]
// (a body holds at most 1 MiB: batches of 100 for prompts of 2,000 characters)
import pg from "pg";
import { callId } from "@llmscope/core";
import { bodies } from "./ingest-http.ts";
import { postBodies } from "./post-bodies.ts";
import { makeCall } from "../src/testing/make-call.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/postgres-database.ts";
import { startServeProcess, waitForExit } from "../e2e/helpers/run-cli.ts";

export interface TextIndexIngestResult {
  calls: number;
  promptChars: number;
  batchSize: number;
  /** calls/s of each pass, in the order run */
  withIndex: number[];
  withoutIndex: number[];
}

const VOCABULARY = Array.from({ length: 400 }, (_, i) => `w${(i * 7919).toString(36)}${"aeiou"[i % 5]}${"rstln"[i % 5]}`);

/** batches whose prompts run to about `chars` characters of varied words (0: the ingest rows' own small calls) */
function batches(count: number, batchSize: number, startAt: number, chars: number): string[] {
  if (chars === 0) return bodies(count, batchSize, startAt);
  const out: string[] = [];
  for (let b = 0; b < count / batchSize; b++) {
    const calls = Array.from({ length: batchSize }, (_, i) => {
      const n = b * batchSize + i;
      let text = `Ticket ${n}:`;
      for (let k = 0; text.length < chars; k++) text += ` ${VOCABULARY[(n * 31 + k * k * 17) % VOCABULARY.length]}`;
      return makeCall({ id: callId(startAt + n * 10), startedAt: startAt + n * 10, promptText: text, tags: { userId: `u${n % 200}`, feature: "chat" } });
    });
    out.push(JSON.stringify({ v: 1, sentAt: Date.now(), calls }));
  }
  return out;
}

async function serve(db: TestDatabase) {
  return startServeProcess(["--db", db.url, "--write-key", "bench", "--rate", "0"]);
}

export async function benchTextIndexIngest(calls = 50_000, passes = 3, promptChars = 0, batchSize = 250, clients = 4): Promise<TextIndexIngestResult> {
  const dbs = [await createTestDatabase("llmscope_bench_idx"), await createTestDatabase("llmscope_bench_noidx")];
  const servers = [await serve(dbs[0]!), await serve(dbs[1]!)];
  const result: TextIndexIngestResult = { calls, promptChars, batchSize, withIndex: [], withoutIndex: [] };
  try {
    const admin = new pg.Client({ connectionString: dbs[1]!.url });
    await admin.connect();
    await admin.query("DROP INDEX calls_search_trgm");
    await admin.end();
    for (const s of servers) await postBodies(s.url, batches(10_000, batchSize, Date.UTC(2025, 0, 1), promptChars), clients);
    for (let p = 0; p < passes * 2; p++) {
      // with, without, without, with, …: neither side always runs second
      const side = (p % 4 === 0 || p % 4 === 3) ? 0 : 1;
      const list = batches(calls, batchSize, Date.UTC(2025, 1 + Math.floor(p / 2), 1), promptChars);
      const t0 = performance.now();
      await postBodies(servers[side]!.url, list, clients);
      const rate = calls / ((performance.now() - t0) / 1000);
      (side === 0 ? result.withIndex : result.withoutIndex).push(rate);
      process.stderr.write(`pass ${p + 1}: ${side === 0 ? "with" : "without"} the index, ${Math.round(rate)} calls/s\n`);
    }
    return result;
  } catch (err) {
    for (const [i, s] of servers.entries()) process.stderr.write(`serve ${i === 0 ? "with" : "without"} the index said:\n${s.stderr().slice(-2000)}\n`);
    throw err;
  } finally {
    for (const s of servers) s.child.kill("SIGTERM");
    await Promise.all(servers.map((s) => waitForExit(s.child)));
    for (const db of dbs) await db.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchTextIndexIngest(Number(process.argv[2] ?? 50_000), Number(process.argv[3] ?? 3), Number(process.argv[4] ?? 0), Number(process.argv[5] ?? 250));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const f = (xs: number[]) => xs.map((x) => Math.round(x)).join(", ");
  process.stdout.write(`PostgreSQL ingest, ${r.calls} calls a pass in batches of ${r.batchSize}, prompts of ${r.promptChars || "~40"} characters: ` +
    `with the index ${f(r.withIndex)} calls/s (mean ${Math.round(mean(r.withIndex))}), ` +
    `without ${f(r.withoutIndex)} (mean ${Math.round(mean(r.withoutIndex))}): ${((1 - mean(r.withIndex) / mean(r.withoutIndex)) * 100).toFixed(1)}% lower with it\n`);
}
