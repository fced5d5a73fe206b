// Paging /v1/calls over ids that are not ASCII: the cursor must carry any id.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dropPostgresTestDatabase, startTestServer, TEST_STORE_KINDS, type TestServer } from "../testing/test-server.ts";
import { makeCall } from "../testing/make-call.ts";

let s: TestServer;
afterEach(() => s.close());
afterAll(() => dropPostgresTestDatabase());

describe.each(TEST_STORE_KINDS)("GET /v1/calls cursors (%s store)", (kind) => {
  it("pages through ids with accents, CJK and emoji without a 500", async () => {
    s = await startTestServer({}, kind);
    const t = Date.UTC(2026, 2, 4, 14, 2);
    const ids = ["appel-é", "日本-呼び出し", "call-😀", "plain+/="];
    await s.store.ingest(ids.map((id) => makeCall({ id, startedAt: t })), t);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await s.get(`/v1/calls?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.status).toBe(200);
      const page = await res.json();
      seen.push(...page.calls.map((c: { id: string }) => c.id));
      cursor = page.cursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
    expect((await s.get("/v1/calls?cursor=%E2%9C%93nonsense")).status).toBe(400);
  });
});
