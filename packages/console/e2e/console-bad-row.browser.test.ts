// A row stored before ingest checked timestamps (startedAt 9e15, past the
// largest Date) once broke the cost page and that call's page. The real serve
// over such a store: both pages show their content, no error.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SqliteStore } from "../../collector/src/store/sqlite-store.ts";
import { makeCall } from "../../collector/src/testing/make-call.ts";
import { launchChromium } from "../../react/e2e/browser.ts";
import { startServe, type ServeProcess } from "./helpers/start-serve.ts";

const dir = mkdtempSync(join(tmpdir(), "llmscope-bad-row-"));
const tags = { userId: "u1", department: "support", feature: "chat", promptId: "p" };
const bad = makeCall({ startedAt: 9e15, tags });
const good = makeCall({ tags });
let serve: ServeProcess;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  const store = new SqliteStore(join(dir, "llmscope.db"));
  await store.ingest([bad, good], Date.now());
  await store.close();
  serve = await startServe(undefined, "w-bad-row", join(dir, "llmscope.db"));
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await serve?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("keeps the cost page and the bad call's page readable", async () => {
  const page = await browser.context.newPage();
  for (const hash of ["#/cost?groupBy=department&period=day", "#/cost?groupBy=department&period=month", `#/calls/${encodeURIComponent(bad.id)}`]) {
    await page.goto(`${serve.url}/${hash}`);
    await page.getByRole("navigation").waitFor();
    await page.waitForFunction(() => !document.querySelector("[role=status]")?.textContent?.includes("Loading"));
    expect(await page.locator(".error-box[role=alert]").count(), hash).toBe(0);
  }
  expect(await page.locator("main").innerText()).toContain(bad.id.slice(0, 8));
  await page.close();
});
