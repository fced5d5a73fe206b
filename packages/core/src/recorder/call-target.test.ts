import { afterEach, describe, expect, it } from "vitest";
import { registerProvider } from "../providers/registry.ts";
import { callTarget } from "./call-target.ts";

const CHAT = "https://api.openai.com/v1/chat/completions";

describe("a call's target", () => {
  let unregister: (() => void) | undefined;
  afterEach(() => unregister?.());

  it("is worked out once per absolute URL and method, and is what a fresh look finds", () => {
    const first = callTarget(CHAT, "POST");
    expect(first.found?.match).toMatchObject({ provider: "openai", operation: "chat" });
    expect(first.url.href).toBe(CHAT);
    expect(callTarget(new URL(CHAT), "POST")).toBe(first);
    expect(callTarget(CHAT, "GET")).not.toBe(first);
    expect(callTarget(CHAT, "GET").found).toBeNull();
    expect(callTarget("https://example.com/v1/chat/completions?x=1", "POST").found?.match.provider).not.toBe(undefined);
  });

  it("is looked at afresh while the app has an adapter of its own, which comes first", () => {
    const before = callTarget(CHAT, "POST");
    unregister = registerProvider({ ...before.found!.adapter, match: () => ({ provider: "mine", operation: "chat" }) } as never);
    const mine = callTarget(CHAT, "POST");
    expect(mine).not.toBe(before);
    expect(mine.found?.match.provider).toBe("mine");
    unregister();
    unregister = undefined;
    expect(callTarget(CHAT, "POST").found?.match.provider).toBe("openai");
  });

  it("answers a request to the last URL as a fresh look would, whatever came between", () => {
    const chat = callTarget(CHAT, "POST");
    const search = callTarget("https://search.example.com/query", "POST");
    expect(search.found).toBeNull();
    expect(callTarget("https://search.example.com/query", "POST")).toBe(search);
    expect(callTarget("https://search.example.com/query", "GET")).not.toBe(search);
    expect(callTarget(CHAT, "POST")).toBe(chat);
    expect(callTarget(`${CHAT}`, "POST").found?.match.operation).toBe("chat");
  });

  it("resolves a relative URL against the page every time", () => {
    expect(() => callTarget("/v1/chat/completions", "POST")).toThrow();
  });
});
