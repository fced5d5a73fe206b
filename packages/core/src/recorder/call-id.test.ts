import { describe, expect, it, vi } from "vitest";
import { callId } from "./call-id.ts";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("callId", () => {
  it("is a UUIDv7 whose first 48 bits are the time in ms", () => {
    const at = Date.UTC(2026, 11, 4, 3, 0, 0, 123);
    const id = callId(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts later ids after earlier ones, and never repeats", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => callId(1_700_000_000_000 + Math.floor(i / 10)));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 10; i < ids.length; i += 10) expect(ids[i - 1]! < ids[i]!).toBe(true);
  });

  it("still makes valid ids where crypto is missing", () => {
    vi.stubGlobal("crypto", undefined);
    try {
      const ids = Array.from({ length: 100 }, () => callId());
      ids.forEach((id) => expect(id).toMatch(UUID_V7));
      expect(new Set(ids).size).toBe(100);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
