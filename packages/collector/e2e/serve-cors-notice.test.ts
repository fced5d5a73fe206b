// `llmscope serve` started without --cors for a page's origin stores what the
// page posts, but the page cannot read the answer: serve says once, on its
// log, which flag to add.
import { afterAll, beforeAll, expect, it } from "vitest";
import { demoCalls } from "../src/testing/demo-calls.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { startServeProcess, waitForExit } from "./helpers/run-cli.ts";

let tmp: ReturnType<typeof tempDbPath>;
beforeAll(() => void (tmp = tempDbPath()));
afterAll(() => tmp.cleanup());

it("names the --cors flag once per refused origin, and stores the calls", async () => {
  // with a write key: a collector without keys refuses other sites' pages outright (403)
  const { child, url, stderr } = await startServeProcess(["--db", tmp.path, "--cors", "http://127.0.0.1:3000"], { LLMSCOPE_WRITE_KEY: "notice-write" });
  const calls = demoCalls({ days: 1, perDay: 3, end: Date.UTC(2026, 2, 31) });
  const post = (origin: string, i: number) =>
    fetch(`${url}/v1/calls`, { method: "POST", headers: { origin, "content-type": "text/plain" }, body: JSON.stringify({ v: 1, sentAt: Date.now(), writeKey: "notice-write", calls: [calls[i]] }) });
  const refused = await post("http://127.0.0.1:5173", 0);
  expect(refused.status).toBe(200);
  expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  expect((await post("http://127.0.0.1:5173", 1)).status).toBe(200);
  const allowed = await post("http://127.0.0.1:3000", 2);
  expect(allowed.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
  const stats = await (await fetch(`${url}/v1/stats?groupBy=all&period=all`)).json();
  expect(stats.rows[0].calls).toBe(3);
  child.kill("SIGTERM");
  expect(await waitForExit(child)).toBe(0);
  const notices = stderr().split("\n").filter((l) => l.includes("was refused"));
  expect(notices).toHaveLength(1);
  expect(notices[0]).toContain("--cors http://127.0.0.1:5173");
});
