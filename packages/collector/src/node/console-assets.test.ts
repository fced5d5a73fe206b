import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { consoleAssets, consoleDistDir, withConsole } from "./console-assets.ts";

const dist = mkdtempSync(join(tmpdir(), "llmscope-console-dist-"));
mkdirSync(join(dist, "assets"));
writeFileSync(join(dist, "index.html"), "<!doctype html><title>console</title>");
writeFileSync(join(dist, "assets", "index-abc.js"), "console.log(1)");
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const get = (handler: ReturnType<typeof consoleAssets>, path: string, method = "GET") => handler(new Request(`http://127.0.0.1${path}`, { method }));

describe("consoleAssets", () => {
  const assets = consoleAssets(dist);

  it("serves index.html at / and at page paths, with a content type and a strict CSP", async () => {
    for (const path of ["/", "/calls"]) {
      const res = await get(assets, path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await res.text()).toContain("<title>console</title>");
    }
  });

  it("serves hashed assets as JavaScript, cached for good", async () => {
    const res = await get(assets, "/assets/index-abc.js");
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("immutable");
  });

  it("answers 404 for a missing file and never leaves the folder", async () => {
    expect((await get(assets, "/assets/missing.js")).status).toBe(404);
    const escape = await get(assets, "/..%2f..%2f..%2f..%2fetc%2fpasswd");
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain("root:");
    expect((await get(assets, "/%E0%A4%A")).status).toBe(400);
  });

  it("answers a clear 503 when the console is not built, and 405 to writes", async () => {
    const unbuilt = consoleAssets(join(dist, "nowhere"));
    const res = await get(unbuilt, "/");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("console is not built");
    expect((await get(assets, "/", "POST")).status).toBe(405);
  });

  it("finds the installed console package", () => {
    expect(consoleDistDir()).toMatch(/console[\\/]dist$/);
  });
});

describe("withConsole", () => {
  it("sends /v1/ to the collector and the rest to the console", async () => {
    const handler = withConsole(async () => new Response("api"), async () => new Response("page"));
    expect(await (await handler(new Request("http://127.0.0.1/v1/calls"))).text()).toBe("api");
    expect(await (await handler(new Request("http://127.0.0.1/cost"))).text()).toBe("page");
  });
});
