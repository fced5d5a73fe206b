// The collector inside `vite dev`: the recorder's default beacon URL answers on
// the page's own origin, and what it posts is stored and readable.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createServer, type ViteDevServer } from "vite";
import { demoCalls } from "../src/testing/demo-calls.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { llmscopeCollector } from "../src/vite/collector-plugin.ts";

let vite: ViteDevServer;
let origin = "";
let tmp: ReturnType<typeof tempDbPath>;
const logged: string[] = [];

beforeAll(async () => {
  tmp = tempDbPath();
  vite = await createServer({
    configFile: false,
    logLevel: "info",
    customLogger: { info: (m: string) => void logged.push(m), warn: () => {}, warnOnce: () => {}, error: () => {}, clearScreen: () => {}, hasErrorLogged: () => false, hasWarned: false },
    plugins: [llmscopeCollector({ db: tmp.path })],
    server: { host: "127.0.0.1", port: 0, hmr: false, watch: null },
  });
  await vite.listen();
  const address = vite.httpServer!.address();
  if (!address || typeof address == "string") throw new Error("no TCP address");
  origin = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await vite?.close();
  tmp.cleanup();
});

it("stores what is posted to /llmscope/v1/calls and answers queries under /llmscope/v1", async () => {
  const calls = demoCalls({ days: 1, perDay: 5, end: Date.UTC(2026, 2, 31) });
  const res = await fetch(`${origin}/llmscope/v1/calls`, {
    method: "POST",
    headers: { "content-type": "text/plain", origin },
    body: JSON.stringify({ v: 1, sentAt: Date.now(), calls }),
  });
  expect(res.status).toBe(200);
  const stats = await (await fetch(`${origin}/llmscope/v1/stats?groupBy=all&period=all`)).json();
  expect(stats.rows[0].calls).toBe(calls.length);
  const page = await fetch(`${origin}/llmscope/v1/calls/${encodeURIComponent(calls[0]!.id)}`);
  expect((await page.json()).id).toBe(calls[0]!.id);
  expect(logged.some((m) => m.includes("collector at /llmscope/v1/calls"))).toBe(true);
});

it("sends the console's bare path to its slash, and leaves the app's own paths to Vite", async () => {
  const bare = await fetch(`${origin}/llmscope`, { redirect: "manual" });
  expect(bare.status).toBe(308);
  expect(bare.headers.get("location")).toBe("/llmscope/");
  const unknown = await fetch(`${origin}/llmscope/v1/nothing-here`);
  expect(unknown.status).toBe(404);
  expect(await unknown.text()).toContain("no endpoint");
  // outside the mount the collector answers nothing: Vite does
  const app = await fetch(`${origin}/v1/calls`, { method: "POST", body: "{}" });
  expect(await app.text()).not.toContain("no endpoint");
  expect(app.headers.get("content-type") ?? "").not.toContain("problem+json");
});
