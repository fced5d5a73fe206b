import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memorySink } from "../sinks/memory-sink.ts";
import type { Sink } from "../types.ts";
import { createRecorder } from "./create-recorder.ts";

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    res.statusCode = req.url!.startsWith("/fail") ? 503 : 200;
    res.end("body");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

/** a sink with an endpoint of its own, which the recorder must never record */
const sinkWithEndpoint = (url: string): Sink => ({ name: "own", attach: (ctx) => ctx.ignore(url), write() {} });

describe("http steps", () => {
  it("the app gets the very Response and the very error; the steps keep status, errors and nothing secret", async () => {
    const sink = memorySink();
    const recorder = createRecorder({ sinks: [sink, sinkWithEndpoint(`${origin}/ingest`)] });
    const inner = (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init);
    let returned: Response | undefined;
    let raised: unknown;
    const counting = (async (input: RequestInfo | URL, init?: RequestInit) => {
      try {
        return (returned = await inner(input, init));
      } catch (err) {
        throw (raised = err);
      }
    }) as typeof fetch;
    const f = recorder.wrap(counting);
    const refused = new URL(origin);
    refused.port = "9";
    let thrown: unknown;
    await recorder.trace("t", async () => {
      const ok = await f(new URL(`${origin}/docs/1?key=SECRET&q=2`));
      expect(ok).toBe(returned);
      expect(await ok.text()).toBe("body");
      await f(`${origin}/fail`, { method: "DELETE" });
      await f(`${origin}/ingest`, { method: "POST", body: "{}" });
      try {
        await f(refused.href);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBe(raised);
      // fetch refuses URLs with credentials; the step still never shows them
      await f(`http://user:pw@${new URL(origin).host}/login`).catch(() => {});
    });
    await recorder.flush();
    const steps = sink.traces()[0]!.steps;
    expect(steps.map((s) => [s.name, s.kind, s.attributes?.["http.response.status_code"], s.error?.kind])).toEqual([
      [`GET ${new URL(origin).host} /docs/1`, "http", 200, undefined],
      [`DELETE ${new URL(origin).host} /fail`, "http", 503, "overloaded"],
      [`GET ${refused.host} /`, "http", undefined, "network"],
      [`GET ${new URL(origin).host} /login`, "http", undefined, "network"],
    ]);
    expect(JSON.stringify(sink.traces())).not.toMatch(/SECRET|user|pw|key=/);
    expect(sink.calls()).toEqual([]);
  });
});
