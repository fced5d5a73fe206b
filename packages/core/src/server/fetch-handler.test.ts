import { describe, expect, it } from "vitest";
import { createRecorder } from "../recorder/create-recorder.ts";
import { memorySink } from "../sinks/memory-sink.ts";
import { traceFetchHandler, traceHono } from "./fetch-handler.ts";

const setup = () => {
  const sink = memorySink();
  return { sink, recorder: createRecorder({ sinks: [sink] }) };
};

describe("traceFetchHandler and traceHono", () => {
  it("one trace per request named METHOD /path, adopting traceparent, the handler's Response and errors passed through", async () => {
    const { sink, recorder } = setup();
    const answer = new Response("hi");
    const failure = new Error("boom");
    const handler = traceFetchHandler(recorder, async (req: Request, env: { n: number }) => {
      recorder.step("work", () => env.n);
      if (req.method === "DELETE") throw failure;
      return answer;
    });
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    expect(await handler(new Request("http://127.0.0.1/items/7?token=SECRET", { headers: { traceparent } }), { n: 1 })).toBe(answer);
    await expect(handler(new Request("http://127.0.0.1/items/7", { method: "DELETE" }), { n: 2 })).rejects.toBe(failure);
    await recorder.flush();
    const [ok, failed] = sink.traces();
    expect(ok).toMatchObject({ name: "GET /items/:id", id: "4bf92f3577b34da6a3ce929d0e0e4736", parentSpanId: "00f067aa0ba902b7", steps: [{ name: "work" }] });
    expect(failed).toMatchObject({ name: "DELETE /items/:id", error: { kind: "Error", message: "boom" } });
    expect(JSON.stringify(sink.traces())).not.toContain("SECRET");
  });

  it("Hono middleware: downstream handlers run inside the trace; names and tags from options", async () => {
    const { sink, recorder } = setup();
    const middleware = traceHono(recorder, { name: () => "GET /items/:id", tags: (req) => ({ tenant: req.headers.get("x-tenant") ?? "" }) });
    let inside: string | undefined;
    await middleware({ req: { raw: new Request("http://127.0.0.1/items/9", { headers: { "x-tenant": "acme" } }) } }, async () => {
      await recorder.step("handler", async () => void (inside = "ran"), { kind: "agent" });
    });
    await recorder.flush();
    expect(inside).toBe("ran");
    expect(sink.traces()).toMatchObject([{ name: "GET /items/:id", tags: { tenant: "acme" }, steps: [{ name: "handler", kind: "agent" }] }]);
  });
});
