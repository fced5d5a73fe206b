import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeCall } from "../indexeddb/test-calls.ts";
import type { CapturedHttp, LLMCall } from "../types.ts";
import { serializeCall, utf8Bytes } from "./beacon-shrink.ts";
import { textIsRebuilt } from "./rebuilt-prompt-text.ts";

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

  // the copies were made by rest destructuring ({ body, ...rest }), V8's slow path; a copy with body undefined gives the same JSON
  it("writes the JSON the keys' removal wrote, byte for byte, prompt.text left out or not (300 random calls)", () => {
    const removed = <T extends object>(o: T | undefined, key: keyof T) => {
      if (!o || o[key] === undefined) return o;
      const { [key]: _gone, ...rest } = o;
      return rest;
    };
    const http = fc.record({ headers: fc.dictionary(fc.string(), fc.string()), body: fc.option(fc.string(), { nil: undefined }), bodyBytes: fc.option(fc.nat(), { nil: undefined }) }, { requiredKeys: ["headers"] });
    const calls = fc.record({
      i: fc.nat(50),
      request: fc.option(http, { nil: undefined }),
      response: fc.option(http, { nil: undefined }),
      system: fc.option(fc.string(), { nil: undefined }),
      content: fc.string(),
      rebuilt: fc.boolean(),
    });
    fc.assert(
      fc.property(calls, ({ i, request, response, system, content, rebuilt }) => {
        const text = rebuilt ? [system, content].filter(Boolean).join("\n") : `user: ${content}`;
        const call = makeCall(i, { request: request as CapturedHttp, response: response as CapturedHttp, prompt: { system, messages: [{ role: "user", content }], text } });
        const slim = textIsRebuilt(call.prompt);
        const before: LLMCall = { ...call, request: removed(call.request, "body") as CapturedHttp, response: removed(call.response, "body") as CapturedHttp };
        if (slim) before.prompt = removed(call.prompt, "text") as LLMCall["prompt"];
        expect(serializeCall(call, 1 << 20, false, textIsRebuilt)).toEqual({ json: JSON.stringify(before), bytes: utf8Bytes(JSON.stringify(before)), slim: slim || undefined });
      }),
      { numRuns: 300 },
    );
  });
});

describe("utf8Bytes", () => {
  it("counts what TextEncoder encodes", () => {
    for (const s of ["", "ascii", "é日本😀", "\ud800 lone"]) expect(utf8Bytes(s)).toBe(new TextEncoder().encode(s).length);
  });
});
