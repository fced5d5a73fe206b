import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PreviewServer, type ViteDevServer, createServer, preview } from "vite";
import { readChunks } from "./test-read.ts";
import { mockLLMPlugin } from "./vite.ts";

let root: string;
let dev: ViteDevServer;
let devUrl: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "mock-llm-vite-"));
  mkdirSync(join(root, "dist"));
  writeFileSync(join(root, "dist", "index.html"), "<!doctype html><title>app</title>");
  dev = await createServer({
    root,
    configFile: false,
    logLevel: "silent",
    appType: "custom",
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: "127.0.0.1", port: 0, strictPort: false, hmr: false, ws: false },
    plugins: [mockLLMPlugin({ firstChunkDelayMs: 0, chunkDelayMs: 40 })],
  });
  await dev.listen();
  devUrl = `http://127.0.0.1:${(dev.httpServer!.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await dev?.close();
  rmSync(root, { recursive: true, force: true });
});

const chatBody = JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }], stream: true, max_tokens: 5 });

describe("mockLLMPlugin", () => {
  it("serves the mock under /mock-llm on the dev server, streaming chunk by chunk", async () => {
    const res = await fetch(`${devUrl}/mock-llm/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: chatBody });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const { chunks, error } = await readChunks(res);
    expect(error).toBeUndefined();
    const events = chunks.join("").split("\n\n").filter((e) => e.length > 0);
    expect(events.at(-1)).toBe("data: [DONE]");
    expect(chunks.length).toBe(events.length);
  });

  it("lists its endpoints at GET /mock-llm/", async () => {
    const res = await fetch(`${devUrl}/mock-llm/`);
    expect(res.status).toBe(200);
    expect((await res.json()).endpoints.length).toBeGreaterThan(8);
  });

  it("leaves paths outside the prefix to Vite", async () => {
    const res = await fetch(`${devUrl}/v1/chat/completions`, { method: "POST", body: chatBody });
    expect(res.headers.get("x-request-id")).toBeNull();
  });

  it("drops the connection for the network scenario", async () => {
    const request = fetch(`${devUrl}/mock-llm/v1/messages`, { method: "POST", headers: { "x-mock-scenario": "network" }, body: "{}" });
    await expect(request).rejects.toThrow(TypeError);
  });

  it("mounts on the preview server too, under a custom prefix", async () => {
    const server: PreviewServer = await preview({
      root,
      configFile: false,
      logLevel: "silent",
      preview: { host: "127.0.0.1", port: 0, strictPort: false },
      plugins: [mockLLMPlugin({ prefix: "/llm", firstChunkDelayMs: 0 })],
    });
    try {
      const port = (server.httpServer.address() as AddressInfo).port;
      const res = await fetch(`http://127.0.0.1:${port}/llm/v1beta/models/gemini-2.0-flash:generateContent`, {
        method: "POST",
        body: JSON.stringify({ contents: [{ parts: [{ text: "Hi" }] }] }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).candidates[0].finishReason).toBe("STOP");
    } finally {
      await server.close();
    }
  });
});
