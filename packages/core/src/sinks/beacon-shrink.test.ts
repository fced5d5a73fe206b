import { describe, expect, it } from "vitest";
import { makeCall } from "../indexeddb/test-calls.ts";
import { serializeCall, utf8Bytes } from "./beacon-shrink.ts";

describe("serializeCall", () => {
  it("leaves a call that fits as it is, unflagged", () => {
    const call = makeCall(1);
    const fit = serializeCall(call, 60_000)!;
    expect(fit.json).toBe(JSON.stringify(call));
    expect(fit.bytes).toBe(utf8Bytes(fit.json));
  });

  it("cuts long texts, tool arguments and bodies, keeps the latest messages, and flags the call", () => {
    const long = "ü".repeat(50_000);
    const messages = Array.from({ length: 500 }, (_, i) => ({ role: "user", content: `message ${i} ${long}` }));
    const call = makeCall(2, {
      prompt: { messages, system: long, text: long },
      completion: { text: long, toolCalls: [{ name: "lookup", arguments: long }] },
      request: { headers: { "content-type": "application/json" }, body: long },
      tags: { userId: "u42" },
    });
    const fit = serializeCall(call, 20_000)!;
    expect(fit.bytes).toBeLessThanOrEqual(20_000);
    const got = JSON.parse(fit.json);
    expect(got.truncated).toBe(true);
    expect(got.id).toBe(call.id);
    expect(got.tags).toEqual({ userId: "u42" });
    expect(got.request.headers).toEqual({ "content-type": "application/json" });
    expect(got.completion.toolCalls[0].name).toBe("lookup");
    expect(long.startsWith(got.completion.toolCalls[0].arguments)).toBe(true);
    expect(got.prompt.messages.length).toBeGreaterThanOrEqual(1);
    expect(got.prompt.messages.length).toBeLessThan(500);
    expect(got.prompt.messages.at(-1).content.startsWith("message 499 ")).toBe(true);
  });

  it("gives up when even the bare record cannot fit", () => {
    expect(serializeCall(makeCall(3), 100)).toBeUndefined();
  });
});

describe("serializeCall without bodies", () => {
  it("leaves out the raw request and response bodies, keeping their headers and sizes", () => {
    const call = makeCall(4, {
      request: { headers: { "content-type": "application/json" }, body: '{"model":"m"}', bodyBytes: 13 },
      response: { headers: {}, body: '{"choices":[]}', bodyBytes: 14 },
    });
    const got = JSON.parse(serializeCall(call, 60_000, false)!.json);
    expect(got.request).toEqual({ headers: { "content-type": "application/json" }, bodyBytes: 13 });
    expect(got.response).toEqual({ headers: {}, bodyBytes: 14 });
    expect(got.prompt).toEqual(call.prompt);
    expect(call.request!.body).toBe('{"model":"m"}');
  });
});

describe("utf8Bytes", () => {
  it("counts what TextEncoder encodes", () => {
    for (const s of ["", "ascii", "é日本😀", "\ud800 lone"]) expect(utf8Bytes(s)).toBe(new TextEncoder().encode(s).length);
  });
});
