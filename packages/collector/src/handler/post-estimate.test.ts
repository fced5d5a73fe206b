// POST /v1/estimate over real HTTP: its input is bounded, and a heavy (but
// allowed) estimate does not stop the collector answering others meanwhile.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, type TestServer } from "../testing/test-server.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

const estimate = (body: unknown) => s.post("/v1/estimate", body, { authorization: `Bearer rk_test_read` });

describe.each(TEST_STORE_KINDS)("POST /v1/estimate (%s store)", (kind) => {
  it("refuses a sample that renders over the cap, naming it, before counting anything", async () => {
    s = await startTestServer({}, kind);
    // 200 placeholders over a 1,000-character value: 200,000 characters a sample
    const res = await estimate({ old: "{{a}} ".repeat(200), new: "{{a}} ".repeat(200), samples: Array.from({ length: 20 }, () => ({ a: "word ".repeat(200) })) });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/sample 1 renders to more than 65536 characters/);
  });

  it("refuses templates over the cap and samples that render too much in all", async () => {
    s = await startTestServer({}, kind);
    const long = await estimate({ old: "x".repeat(40_000), new: "y", samples: [{}] });
    expect(long.status).toBe(400);
    expect((await long.json()).error).toMatch(/old is 40000 characters; at most 32768/);
    // 40 samples of 60,000 characters on each side: 4.8 million in all
    const total = await estimate({ old: "{{a}}".repeat(20), new: "{{a}}".repeat(20), samples: Array.from({ length: 40 }, () => ({ a: "word ".repeat(600) })) });
    expect(total.status).toBe(400);
    expect((await total.json()).error).toMatch(/render to more than 4194304 characters in all/);
  });

  it("keeps answering other requests while a heavy estimate runs", async () => {
    s = await startTestServer({}, kind);
    // 180 samples of 10,000 characters on each side: 3.6 million characters to tokenize
    const samples = Array.from({ length: 180 }, (_, i) => ({ a: `sample ${i} `.repeat(100).slice(0, 1000) }));
    let done = false;
    const heavy = estimate({ old: "{{a}}".repeat(10), new: "{{a}}".repeat(10), samples }).then(async (r) => ((done = true), r));
    let answeredMeanwhile = 0;
    while (!done) {
      const health = await s.get("/v1/health");
      expect(health.status).toBe(200);
      if (!done) answeredMeanwhile++;
    }
    const res = await heavy;
    expect(res.status).toBe(200);
    expect((await res.json()).samples).toBe(180);
    expect(answeredMeanwhile).toBeGreaterThan(1);
  });
});
