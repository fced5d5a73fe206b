import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, type TestServer } from "../testing/test-server.ts";
import { makeCall } from "../testing/make-call.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

const D = Date.UTC(2026, 2, 4, 9);

describe.each(TEST_STORE_KINDS)("GET /v1/stats and /v1/alerts (%s store)", (kind) => {
  it("groups by month and department", async () => {
    s = await startTestServer({}, kind);
    await s.post("/v1/calls", {
      v: 1, sentAt: D,
      calls: [
        makeCall({ startedAt: D, costUSD: 1, tags: { department: "support" } }),
        makeCall({ startedAt: D, costUSD: 2, tags: { department: "sales" }, errorKind: "overloaded" }),
        makeCall({ startedAt: D + 86_400_000 * 30, costUSD: 4, tags: { department: "sales" } }),
      ],
    });
    const body = await (await s.get("/v1/stats?groupBy=department&period=month")).json();
    expect(body.rows.map((r: { period: string; key: string; costUSD: number }) => [r.period, r.key, r.costUSD])).toEqual([
      ["2026-03", "sales", 2], ["2026-03", "support", 1], ["2026-04", "sales", 4],
    ]);
    expect(body.rows[0].errorsByKind).toEqual({ overloaded: 1 });
    const bad = await s.get("/v1/stats?groupBy=planet");
    expect((await bad.json()).error).toMatch(/^groupBy must be one of department, feature, user/);
  });

  it("lists a fired alert with evidence and posts it to the webhook", async () => {
    const received: unknown[] = [];
    const hook = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push(JSON.parse(body));
        res.end("ok");
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/alerts`;
    try {
      s = await startTestServer({ webhooks: [hookUrl] }, kind);
      const spend = makeCall({ startedAt: D, costUSD: 12, tags: { userId: "big-spender" } });
      const res = await s.post("/v1/calls", { v: 1, sentAt: D, calls: [spend] });
      expect((await res.json()).alerts).toBe(1);
      const { alerts } = await (await s.get("/v1/alerts")).json();
      expect(alerts).toMatchObject([{ kind: "user_daily_cost", subject: "big-spender", value: 12, evidence: [spend.id] }]);
      await s.collector.flush();
      expect(received).toMatchObject([{ type: "llmscope.alert", alert: { kind: "user_daily_cost", subject: "big-spender" } }]);
    } finally {
      hook.close();
    }
  });

  it("counts a webhook that cannot be reached without failing ingest", async () => {
    s = await startTestServer({ webhooks: ["http://127.0.0.1:9/nothing-listens-here"] }, kind);
    const res = await s.post("/v1/calls", { v: 1, sentAt: D, calls: [makeCall({ startedAt: D, costUSD: 50, tags: { userId: "x" } })] });
    expect(res.status).toBe(200);
    await s.collector.flush();
    expect(s.collector.counters().webhookFailures).toBe(1);
  });
});
