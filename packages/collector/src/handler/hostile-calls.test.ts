// Hostile and broken calls over real HTTP on both stores: each bad call is
// refused with a 400 naming its field while the rest of its batch is stored,
// and what is stored has a UTF-8 form (cuts never split a surrogate pair).
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, type TestServer } from "../testing/test-server.ts";
import { makeCall } from "../testing/make-call.ts";
import { SqliteStore } from "../store/sqlite-store.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

const envelope = (calls: unknown[]) => ({ v: 1, sentAt: Date.now(), calls });
const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });
const patched = (patch: (c: Record<string, any>) => void): LLMCall => {
  const c = makeCall() as unknown as Record<string, any>;
  patch(c);
  return c as unknown as LLMCall;
};

describe.each(TEST_STORE_KINDS)("hostile calls (%s store)", (kind) => {
  it("refuses each bad call naming its field and stores the rest of the batch", async () => {
    s = await startTestServer({}, kind);
    const good = [makeCall(), makeCall()];
    const bad: [LLMCall, RegExp][] = [
      [patched((c) => (c.startedAt = 9e15)), /startedAt is more than a day ahead/],
      [patched((c) => (c.startedAt = 1)), /startedAt is before 2000-01-01/],
      [patched((c) => (c.endedAt = -5)), /endedAt is before 2000-01-01/],
      [patched((c) => (c.model = "m".repeat(900_000))), /model must be at most 256 characters/],
      [patched((c) => (c.params = nested(50))), /params is nested deeper than 8 levels/],
      [patched((c) => (c.id = "id\u0000nul")), /id must not contain NUL/],
      [patched((c) => (c.sessionId = "s\uD800")), /sessionId must not contain NUL or unpaired surrogates/],
      [patched((c) => (c.usage.inputTokens = -3)), /usage.inputTokens must be from 0/],
      [patched((c) => (c.cost.totalUSD = 1e300)), /cost.totalUSD must be from 0 to 1000000/],
      [patched((c) => (c.completion.toolCalls = [{ name: 5, arguments: "{}" }])), /completion.toolCalls\[0\].name must be a string/],
      [patched((c) => (c.completion.toolCalls = ["get_weather"])), /toolCalls\[0\] must be an object/],
      [patched((c) => (c.status = 1e9)), /status must be from 0 to 999/],
    ];
    const res = await s.post("/v1/calls", envelope([good[0], ...bad.map(([c]) => c), good[1]]));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatch(new RegExp(`^${bad.length} of ${bad.length + 2} calls refused; the rest are stored`));
    expect(body.inserted).toBe(2);
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual(bad.map((_, i) => i + 1));
    bad.forEach(([, why], i) => expect(body.rejected[i].error).toMatch(why));
    expect(await s.store.count()).toBe(2);
    for (const c of good) expect(await s.store.getCall(c.id)).toBeDefined();
    expect(s.collector.counters().callsRejected).toBe(bad.length);
    // stats still answer by day and month
    for (const period of ["day", "month"]) expect((await s.get(`/v1/stats?period=${period}&groupBy=department`)).status).toBe(200);
  });

  it("stores text with NUL, lone surrogates and emoji at the tag cap, cut on code points", async () => {
    s = await startTestServer({}, kind);
    const emojiAtCut = "a".repeat(255) + "😀" + "tail";
    const call = makeCall({ tags: { userId: emojiAtCut, department: "lone\uDC00x", feature: "nul\u0000here" }, promptText: "text with \u0000 and \uD83D alone" });
    const res = await s.post("/v1/calls", envelope([call]));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ inserted: 1, truncated: 1 });
    const stored = (await (await s.get(`/v1/calls/${call.id}`)).json()) as LLMCall;
    expect(stored.tags.userId).toBe("a".repeat(255));
    expect(stored.tags.department).toBe("lone\uFFFDx");
    expect(stored.prompt.text).toBe("text with \u0000 and \uFFFD alone");
    expect(stored.truncated).toBe(true);
    const users = (await (await s.get("/v1/stats?period=all&groupBy=user")).json()).rows.map((r: { key: string }) => r.key);
    expect(users).toEqual(["a".repeat(255)]);
    if (s.store instanceof SqliteStore) {
      // every stored text column decodes as strict UTF-8
      const hex = s.store.db.prepare("SELECT hex(user_id) AS u, hex(department) AS d, hex(record) AS r FROM calls").get() as Record<string, string>;
      for (const h of Object.values(hex)) expect(() => new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(h, "hex"))).not.toThrow();
    }
  });
});
