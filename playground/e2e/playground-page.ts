// Drives the playground in Debian's Chromium: a Vite dev server on 127.0.0.1
// with the playground's own config (mock LLM included), and a fresh profile.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// The scenarios answer with HTTP errors and dropped connections on purpose;
// Chromium logs each as "Failed to load resource". Anything else is a bug.
const EXPECTED_CONSOLE_ERROR = /^Failed to load resource: (the server responded with a status of (400|429|500|503|529)|net::ERR_(EMPTY_RESPONSE|INCOMPLETE_CHUNKED_ENCODING))/;

export interface PlaygroundSession {
  page: Page;
  url: string;
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function openPlayground(): Promise<PlaygroundSession> {
  const server: ViteDevServer = await createServer({
    root,
    configFile: path.join(root, "vite.config.ts"),
    logLevel: "warn",
    server: { host: "127.0.0.1", port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === "string") throw new Error("the dev server has no TCP address");
  const url = `http://127.0.0.1:${address.port}/`;

  const profile = mkdtempSync(path.join(os.tmpdir(), "llmscope-playground-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !EXPECTED_CONSOLE_ERROR.test(m.text())) consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => consoleErrors.push(`uncaught: ${e.message}`));
  // a cold dev server transforms every source on first load: slow on a busy machine, and not what is tested
  await page.goto(url, { timeout: 90_000 });
  return {
    page,
    url,
    consoleErrors,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The overlay's rows, newest first (the default sort); Playwright's CSS pierces the open shadow root. */
export const overlayRows = (page: Page) => page.locator("[data-llmscope-devtools] [role=option]");

/** How many calls the overlay holds, from its own tally ("N calls"): the list itself is virtualized. */
export async function callTotal(page: Page): Promise<number> {
  const tally = await page.locator("[data-llmscope-devtools] .filters .shown").innerText();
  return Number(tally.match(/\d+/)?.[0]);
}

/** Wait until the overlay holds more than `totalBefore` calls and the newest has finished; return its row's text. */
export async function newestFinishedRow(page: Page, totalBefore: number): Promise<string> {
  await page.waitForFunction(
    (n) => {
      const shadow = document.querySelector("[data-llmscope-devtools]")?.shadowRoot;
      const total = Number(shadow?.querySelector(".filters .shown")?.textContent?.match(/\d+/)?.[0] ?? 0);
      const newest = shadow?.querySelector("[role=option]");
      return total > n && !!newest && !newest.querySelector(".badge-live, .badge-pending");
    },
    totalBefore,
    { timeout: 20_000 },
  );
  return (await overlayRows(page).first().innerText()).replace(/\s+/g, " ");
}

/** Wait until the app itself has its answer or its error for the newest turn. */
export async function newestTurnSettled(page: Page): Promise<string> {
  const turn = page.locator(".transcript li").first();
  await page.waitForFunction(() => {
    const li = document.querySelector(".transcript li");
    return li && li.getAttribute("data-status") !== "streaming";
  }, undefined, { timeout: 20_000 });
  return (await turn.getAttribute("data-status")) ?? "";
}
