// Starts the fixture pages on a Vite dev server on 127.0.0.1 and a headless
// Chromium with a fresh profile, as the browser tests need them.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mockLLMPlugin } from "@llmscope/mock-llm/vite";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { createServer, defaultClientConditions, type ViteDevServer } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export interface BrowserFixture {
  /** http://127.0.0.1:<port> of the dev server */
  origin: string;
  context: BrowserContext;
  /** a new tab on the fixture page, once its modules have loaded */
  open(): Promise<Page>;
  /** reload a tab and wait for the fixture again */
  reload(page: Page): Promise<void>;
  close(): Promise<void>;
}

export async function startBrowserFixture(): Promise<BrowserFixture> {
  const cacheDir = await mkdtemp(join(tmpdir(), "llmscope-vite-"));
  const profile = await mkdtemp(join(tmpdir(), "llmscope-chromium-"));
  const vite: ViteDevServer = await createServer({
    root,
    cacheDir,
    configFile: false,
    logLevel: "error",
    plugins: [mockLLMPlugin()],
    resolve: { conditions: ["@llmscope/source", ...defaultClientConditions] },
    // every import is already ESM; discovering deps later would reload pages mid-test
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: "127.0.0.1", port: 0, strictPort: false, hmr: false, watch: null },
  });
  await vite.listen();
  const address = vite.httpServer!.address();
  if (!address || typeof address == "string") throw new Error("the dev server has no TCP address");
  const origin = `http://127.0.0.1:${address.port}`;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const ready = (page: Page) => page.waitForFunction(() => document.title == "ready" && !!window.fx);
  return {
    origin,
    context,
    async open() {
      const page = await context.newPage();
      await page.goto(`${origin}/index.html`);
      await ready(page);
      return page;
    },
    async reload(page) {
      await page.reload();
      await ready(page);
    },
    async close() {
      await context.close();
      await vite.close();
      await rm(profile, { recursive: true, force: true });
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}
