import { describe, expect, it } from "vitest";
import type { BeaconItem } from "./beacon-outbox.ts";
import { loadCompact } from "./beacon-compact-worker.ts";

const BODY = `{"v":1,"calls":[${Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `c${i}`, prompt: { text: "Where is my order ünïcode ".repeat(20) } })).join(",")}]}`;
const inflate = async (zipped: ArrayBuffer | Uint8Array) => new Response(new Blob([zipped as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"))).text();

describe("the beacon's compaction in Workers builds", () => {
  it("gzips by CompressionStream (not Node's level-1 zlib, even where Node lends it) to the very text", async () => {
    const { gzip, acceptsGzip } = await loadCompact();
    const zipped = await gzip([BODY.slice(0, 100), BODY.slice(100)]);
    expect(await inflate(zipped)).toBe(BODY);
    // a gzip member's XFL byte is 4 when written by zlib's fastest level
    expect(new Uint8Array(zipped)[8]).not.toBe(4);
    expect(acceptsGzip(new Headers({ "accept-encoding": "gzip" }))).toBe(true);
  });

  it("holds nothing deflated: waiting items keep their JSON as it was", async () => {
    const { chillWaiting } = await loadCompact();
    const items: BeaconItem[] = [{ id: "a", kind: "calls", json: BODY, bytes: BODY.length }];
    chillWaiting(() => items);
    await new Promise((wake) => setTimeout(wake, 10));
    expect(Object.getOwnPropertyDescriptor(items[0], "json")?.value).toBe(BODY);
  });

  it("leaves out prompt.text for a collector that rebuilds it, as elsewhere", async () => {
    const { rebuildsPromptText, textIsRebuilt } = await loadCompact();
    expect(rebuildsPromptText(new Headers({ "llmscope-rebuilds": "prompt.text" }))).toBe(true);
    expect(textIsRebuilt({ system: "Be brief.", messages: [{ role: "user", content: "Hi" }], text: "Be brief.\nHi" })).toBe(true);
  });
});
