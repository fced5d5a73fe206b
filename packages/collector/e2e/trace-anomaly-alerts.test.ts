// Trace anomalies as alerts from a real `llmscope serve` child process over
// HTTP on 127.0.0.1, on SQLite and on PostgreSQL: 16 ordinary days of traced
// requests, then a day on which the search feature's retrieval step
// `vector-search` becomes ten times slower from 14:05, all posted late (an
// outbox catching up). The clean last day raises nothing; the slow day, judged
// once it is over, raises one alert, delivered to a webhook receiver on
// 127.0.0.1, that names the step and links an example request.
import { afterAll, describe, expect, it } from "vitest";
import type { Alert } from "../src/alerts/alert.ts";
import { createTestDatabase, type TestDatabase } from "../src/testing/postgres-database.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { tracedDay } from "../src/testing/trace-traffic.ts";
import { startWebhookReceiver } from "../src/testing/webhook-receiver.ts";
import { startServeProcess, waitForExit } from "./helpers/run-cli.ts";

const KEY = "trace-alerts-key";
const INCIDENT = Date.UTC(2026, 2, 3) / 86_400_000;
const CLEAN = INCIDENT - 1;
/** 16 days before the incident: the least history (half the 28-day window) a day is judged with, and one more */
const FIRST = INCIDENT - 16;
const sqlite = tempDbPath();
let postgres: TestDatabase | undefined;
afterAll(async () => {
  sqlite.cleanup();
  await postgres?.drop();
});

const databases = { sqlite: async () => sqlite.path, postgres: async () => (postgres ??= await createTestDatabase()).url };

describe.each(["sqlite", "postgres"] as const)("trace anomaly alerts from llmscope serve (%s)", (kind) => {
  it("raises none for a clean day, and one naming the slowed retrieval step, delivered to the webhook", { timeout: 240_000 }, async () => {
    const hook = await startWebhookReceiver();
    const serve = await startServeProcess(["--db", await databases[kind](), "--write-key", KEY, "--read-key", KEY, "--rate", "0", "--no-quality", "--webhook", hook.url]);
    try {
      const post = async (day: ReturnType<typeof tracedDay>) => {
        const res = await fetch(`${serve.url}/v1/calls`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
          body: JSON.stringify({ v: 1, sentAt: Date.now(), calls: day.calls, traces: day.traces }),
        });
        expect(res.status).toBe(200);
        return (await res.json()) as { inserted: number; traces: { inserted: number } };
      };
      const traceAlerts = async () => ((await (await fetch(`${serve.url}/v1/alerts?kind=trace_anomaly`, { headers: { authorization: `Bearer ${KEY}` } })).json()) as { alerts: Alert[] }).alerts;
      for (let day = FIRST; day <= CLEAN; day++) expect((await post(tracedDay(day))).traces.inserted).toBe(97);
      // the slow day's requests close the clean day, which is judged whole: nothing
      await post(tracedDay(INCIDENT, { slowSearch: true }));
      expect(await traceAlerts()).toEqual([]);
      // the next day's first requests close the slow day
      const next = tracedDay(INCIDENT + 1);
      await post({ calls: next.calls.slice(0, 2), traces: next.traces.slice(0, 1) });
      const delivered = await hook.waitFor((a) => a.kind === "trace_anomaly");
      expect(delivered.message).toMatch(/^p95 request time \+\d+ % — retrieval step `vector-search` 180 ms → 1\.9 s in feature=search, since 14:21 on 2026-03-03/);
      const example = /example request: trace ([0-9a-f]{32}) \(\/v1\/traces\/\1\)$/.exec(delivered.message)![1]!;
      const trace = await fetch(`${serve.url}/v1/traces/${example}`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(trace.status).toBe(200);
      // stored and listed as delivered, once
      expect(await traceAlerts()).toEqual([delivered]);
      expect(hook.alerts.filter((a) => a.kind === "trace_anomaly")).toEqual([delivered]);
    } finally {
      serve.child.kill("SIGTERM");
      await waitForExit(serve.child);
      await hook.close();
    }
  });
});
