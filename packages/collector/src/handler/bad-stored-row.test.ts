// A row stored before ingest checked timestamps (startedAt 9e15, past the
// largest Date) must not break the readers: stats by every period and
// grouping, the call list and the call itself still answer. Only SQLite can
// hold such a row: PostgreSQL has no month partition for it.
import { afterEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testing/test-server.ts";
import { makeCall } from "../testing/make-call.ts";
import { STATS_DIMENSIONS } from "../store/call-store.ts";
import { HOURLY_DIMENSIONS } from "../store/rollup.ts";

let s: TestServer;
afterEach(() => s.close());

describe("a bad stored row", () => {
  it("leaves stats, the call list and the call readable", async () => {
    s = await startTestServer({}, "sqlite");
    const bad = makeCall({ startedAt: 9e15, tags: { userId: "u1", department: "support", feature: "chat", promptId: "p" } });
    const good = makeCall({ tags: { userId: "u1", department: "support", feature: "chat", promptId: "p" } });
    await s.store.ingest([bad, good], Date.now());
    for (const period of ["day", "month", "all"]) {
      for (const groupBy of STATS_DIMENSIONS) {
        const res = await s.get(`/v1/stats?period=${period}&groupBy=${groupBy}`);
        expect(res.status, `${period} by ${groupBy}`).toBe(200);
        const rows = (await res.json()).rows as { calls: number }[];
        expect(rows.reduce((n, r) => n + r.calls, 0), `${period} by ${groupBy}`).toBe(2);
      }
    }
    for (const groupBy of HOURLY_DIMENSIONS) expect((await s.get(`/v1/stats?period=hour&groupBy=${groupBy}`)).status).toBe(200);
    const list = await s.get("/v1/calls?limit=1");
    expect(list.status).toBe(200);
    const page = await list.json();
    expect(page.calls[0].id).toBe(bad.id);
    expect((await s.get(`/v1/calls?limit=1&cursor=${page.cursor}`)).status).toBe(200);
    expect((await s.get(`/v1/calls/${bad.id}`)).status).toBe(200);
    expect((await s.get(`/v1/calls/${bad.id}/similar`)).status).toBe(200);
    expect((await s.get("/v1/health")).status).toBe(200);
  });
});
