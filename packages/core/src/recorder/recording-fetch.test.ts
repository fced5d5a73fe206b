// When a call's request is read: beside the wait for the answer when someone
// subscribes (they get a start event), else only at the call's end, so no
// recorder work lands between a fast answer's arrival and the app's reading.
import { describe, expect, it } from "vitest";
import { memorySink } from "../sinks/memory-sink.ts";
import { createRecorder } from "./index.ts";

const CHAT = "http://127.0.0.1:9/v1/chat/completions";
const reply = JSON.stringify({ model: "gpt-4o", choices: [{ message: { role: "assistant", content: "Hi" }, finish_reason: "stop" }], usage: { prompt_tokens: 3, completion_tokens: 1 } });
/** a body the adapter cannot read: its parse error is counted when (and only when) the request is read */
const UNREADABLE = "{not json";

/** a fetch whose answer waits until answer() is called */
function held() {
  let answer!: () => void;
  const arrived = new Promise<void>((resolve) => (answer = resolve));
  const f = (async () => (await arrived, new Response(reply, { headers: { "content-type": "application/json" } }))) as typeof fetch;
  return { f, answer };
}
const tasks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r));
};
/** one whole call first, so the lazily loaded call-end chunk is in before the call watched */
async function warm(recorder: ReturnType<typeof createRecorder>) {
  const f = (async () => new Response(reply, { headers: { "content-type": "application/json" } })) as typeof fetch;
  await (await recorder.wrap(f)(CHAT, { method: "POST", body: '{"model":"gpt-4o","messages":[]}' })).text();
  await recorder.flush();
}

describe("the request of a call in flight", () => {
  it("is read at the call's end when nobody subscribes, and the call arrives whole", async () => {
    const sink = memorySink();
    const recorder = createRecorder({ sinks: [sink], estimateTokens: false });
    await warm(recorder);
    const { f, answer } = held();
    const pending = recorder.wrap(f)(CHAT, { method: "POST", body: UNREADABLE });
    await tasks(5);
    expect(recorder.stats().parseErrors).toBe(0);
    answer();
    expect((await (await pending).json()).choices[0].message.content).toBe("Hi");
    await recorder.flush();
    expect(recorder.stats().parseErrors).toBe(1);
    const [, call] = sink.calls();
    expect(call).toMatchObject({ status: 200, completion: { text: "Hi" }, usage: { inputTokens: 3, outputTokens: 1 }, request: { body: UNREADABLE } });
    expect(call!.id).not.toBe("");
  });

  it("is read while the answer is awaited when someone subscribes, whose start event comes before the end", async () => {
    const recorder = createRecorder({ estimateTokens: false });
    await warm(recorder);
    const events: string[] = [];
    recorder.subscribe((e) => events.push(e.type));
    const { f, answer } = held();
    const pending = recorder.wrap(f)(CHAT, { method: "POST", body: UNREADABLE });
    // read in a later task: waited for task by task, however loaded the machine
    for (let i = 0; i < 1000 && !recorder.stats().parseErrors; i++) await tasks(1);
    expect(recorder.stats().parseErrors).toBe(1);
    expect(events).toEqual(["start"]);
    answer();
    await (await pending).text();
    await recorder.flush();
    expect(events).toEqual(["start", "end"]);
  });
});
