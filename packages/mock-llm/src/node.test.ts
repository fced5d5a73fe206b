import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockLLMServer, startMockLLM } from "./node.ts";
import { readChunks } from "./test-read.ts";

let server: MockLLMServer;
beforeAll(async () => {
  server = await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0 });
});
afterAll(async () => {
  await server.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(server.url + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

const chatBody = { model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }], stream: true, max_tokens: 6 };

describe("startMockLLM", () => {
  it("listens on 127.0.0.1 with a free port", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it("flushes every stream event as its own chunk when chunks are spaced apart", async () => {
    // Spaced writes on a no-delay socket arrive as separate reads; the count proves nothing is buffered.
    const res = await post("/v1/chat/completions", chatBody, { "x-mock-chunk-delay": "60", "x-mock-first-chunk-delay": "0" });
    const { chunks, error } = await readChunks(res);
    expect(error).toBeUndefined();
    const events = chunks.join("").split("\n\n").filter((e) => e.length > 0);
    expect(events.length).toBeGreaterThan(3);
    expect(chunks.length).toBe(events.length);
    expect(chunks.every((c) => c.startsWith("data: ") && c.endsWith("\n\n"))).toBe(true);
  });

  it("drops the connection for the network scenario", async () => {
    await expect(post("/v1/chat/completions", chatBody, { "x-mock-scenario": "network" })).rejects.toThrow(TypeError);
  });

  it("breaks the transfer for stream_cut so the client's read fails", async () => {
    const res = await post("/v1/chat/completions", chatBody, { "x-mock-scenario": "stream_cut" });
    expect(res.status).toBe(200);
    const { chunks, error } = await readChunks(res);
    expect(error).toBeInstanceOf(TypeError);
    expect(chunks.join("")).not.toContain("[DONE]");
  });

  it("answers CORS preflights with the requested headers", async () => {
    const res = await fetch(server.url + "/v1/messages", {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "x-api-key,anthropic-version,x-mock-scenario" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toBe("x-api-key,anthropic-version,x-mock-scenario");
  });

  it("closes even with a stream still open", async () => {
    const other = await startMockLLM({ chunkDelayMs: 200 });
    const res = await fetch(other.url + "/v1/chat/completions", { method: "POST", body: JSON.stringify({ ...chatBody, max_tokens: 100 }) });
    await other.close();
    const { error } = await readChunks(res);
    expect(error).toBeDefined();
  });
});
