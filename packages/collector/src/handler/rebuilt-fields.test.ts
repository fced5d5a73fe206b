// A beacon leaves out prompt.text once the collector has said it rebuilds it:
// over real HTTP, a call sent without it is stored as the same call sent whole.
import { afterEach, describe, expect, it } from "vitest";
import { makeCall } from "../testing/make-call.ts";
import { startTestServer, type TestServer } from "../testing/test-server.ts";

let s: TestServer;
afterEach(() => s.close());

const envelope = (calls: unknown[]) => JSON.stringify({ v: 1, sentAt: Date.now(), calls });

describe("POST /v1/calls with prompt.text left out", () => {
  it("says on every answer that it rebuilds prompt.text, and stores a call without it as the same call with it", async () => {
    s = await startTestServer();
    const whole = makeCall();
    whole.prompt = { system: "Be brief.", messages: [{ role: "user", content: "Where is my order?" }, { role: "assistant", content: "" }, { role: "user", content: "Still waiting" }], text: "Be brief.\nWhere is my order?\nStill waiting" };
    const { text: _text, ...parts } = whole.prompt;
    const slim = { ...whole, id: `${whole.id}-slim`, prompt: parts };
    const a = await s.post("/v1/calls", envelope([whole, slim]));
    expect(a.status).toBe(200);
    expect(a.headers.get("llmscope-rebuilds")).toBe("prompt.text");
    expect((await s.get("/v1/health")).headers.get("llmscope-rebuilds")).toBe("prompt.text");
    const stored = async (id: string) => (await s.get(`/v1/calls/${id}`)).json();
    const [one, two] = [await stored(whole.id), await stored(slim.id)];
    expect(two).toEqual({ ...one, id: slim.id });
    expect(two.prompt.text).toBe("Be brief.\nWhere is my order?\nStill waiting");
  });

  it("still refuses a prompt.text that is there and not a string", async () => {
    s = await startTestServer();
    const bad = makeCall();
    (bad.prompt as unknown as { text: number }).text = 5;
    const a = await s.post("/v1/calls", envelope([bad]));
    expect(a.status).toBe(400);
    expect(JSON.stringify(await a.json())).toContain("prompt.text must be a string");
  });
});
