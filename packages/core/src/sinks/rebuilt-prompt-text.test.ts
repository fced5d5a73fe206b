// A call's prompt.text is left out only for a collector that says it rebuilds
// it, only when the rebuild is exact, and comes back when such a call is refused.
import { afterEach, describe, expect, it } from "vitest";
import { startTestCollector, type TestCollector } from "../../e2e/browser/test-collector.ts";
import { makeCall, recordingContext } from "../indexeddb/test-calls.ts";
import type { Prompt } from "../types.ts";
import { beaconSink } from "./beacon-sink.ts";
import { serializeCall } from "./beacon-shrink.ts";
import { promptTextOf, textIsRebuilt, withPromptText } from "./rebuilt-prompt-text.ts";

const prompt = (system: string | undefined, contents: string[], text = promptTextOf({ system, messages: contents.map((content) => ({ role: "user", content })), text: "" })): Prompt => ({
  ...(system !== undefined ? { system } : {}),
  messages: contents.map((content) => ({ role: "user", content })),
  text,
});

describe("prompt.text as a collector rebuilds it", () => {
  it("is the system prompt and the contents, the empty ones left out, joined by newlines; compared in place", () => {
    expect(promptTextOf(prompt("Be brief.", ["Hi", "", "Bye"]))).toBe("Be brief.\nHi\nBye");
    for (const p of [prompt("Be brief.", ["Hi", "", "Bye"]), prompt(undefined, ["only"]), prompt("", []), prompt("sys", []), prompt(undefined, ["a\nb", "c"])]) expect(textIsRebuilt(p)).toBe(true);
    for (const p of [prompt("Be brief.", ["Hi"], "Be brief. Hi"), prompt(undefined, ["Hi"], "Hi\n"), prompt(undefined, [], "a completion prompt"), prompt(undefined, ["ab"], "a")]) expect(textIsRebuilt(p)).toBe(false);
  });

  it("is left out of the JSON only when asked and exact; the call itself keeps it", () => {
    const call = makeCall(1, { prompt: prompt("Be brief.", ["Where is order 7?"]) });
    expect(JSON.parse(serializeCall(call, 60_000, false)!.json).prompt.text).toBe("Be brief.\nWhere is order 7?");
    const slim = serializeCall(call, 60_000, false, textIsRebuilt)!;
    expect(slim.slim).toBe(true);
    expect(JSON.parse(slim.json).prompt).toEqual({ system: "Be brief.", messages: [{ role: "user", content: "Where is order 7?" }] });
    expect(call.prompt.text).toBe("Be brief.\nWhere is order 7?");
    const odd = makeCall(2, { prompt: prompt(undefined, [], "a completion prompt") });
    expect(serializeCall(odd, 60_000, false, textIsRebuilt)!.slim).toBeUndefined();
    const back = withPromptText({ id: call.id, kind: "calls", ...slim });
    expect(JSON.parse(back.json)).toEqual(JSON.parse(serializeCall(call, 60_000, false)!.json));
    expect(back.slim).toBe(false);
  });
});

describe("beaconSink and a collector that rebuilds prompt.text", () => {
  let collector: TestCollector | undefined;
  afterEach(async () => void (await collector?.close()));

  it("sends calls whole until the collector has said so, then without the text; refused by one that no longer says so, they go again whole", async () => {
    collector = await startTestCollector();
    collector.rebuilds = "prompt.text";
    const sink = beaconSink({ url: `${collector.origin}/v1/calls`, flushIntervalMs: 60_000 });
    const ctx = recordingContext();
    sink.attach!(ctx);
    const batch = async (from: number, to: number) => {
      for (let i = from; i < to; i++) sink.write(makeCall(i, { prompt: prompt("Be brief.", [`Order ${i} has not arrived`]) }));
      await sink.flush();
    };
    const texts = (n: number) => collector!.received[n]!.body.calls.map((c) => c.prompt.text);
    await batch(0, 2);
    await batch(2, 4);
    expect(texts(0)).toEqual(["Be brief.\nOrder 0 has not arrived", "Be brief.\nOrder 1 has not arrived"]);
    expect(texts(1)).toEqual([undefined, undefined]);
    // an older collector now behind the URL: calls without the text are invalid there
    collector.rebuilds = undefined;
    collector.answer = (req) => (collector!.requests == 3 ? 400 : 200);
    await batch(4, 6);
    expect(collector.requests).toBe(4);
    expect(texts(2)).toEqual(["Be brief.\nOrder 4 has not arrived", "Be brief.\nOrder 5 has not arrived"]);
    expect(collector.callIds()).toEqual(Array.from({ length: 6 }, (_, i) => makeCall(i).id));
    expect(ctx.drops).toEqual({});
  });
});
