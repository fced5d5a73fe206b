import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createRecorder } from "../recorder/create-recorder.ts";
import { memorySink } from "../sinks/memory-sink.ts";
import { traceRequests } from "./node-requests.ts";

const setup = () => {
  const sink = memorySink();
  return { sink, recorder: createRecorder({ sinks: [sink] }) };
};

describe("traceRequests", () => {
  it("ends each request's trace when the response is sent; a 5xx and a connection closed early are its error", async () => {
    const { sink, recorder } = setup();
    const server = createServer(
      traceRequests(recorder, (req: IncomingMessage, res: ServerResponse) => {
        if (req.url === "/hang") return recorder.step("waiting", () => new Promise(() => {}));
        res.statusCode = req.url === "/fail" ? 500 : 200;
        setTimeout(() => res.end("done"), 5);
      }),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await (await fetch(`${origin}/ok?secret=1`)).text()).toBe("done");
    expect((await fetch(`${origin}/fail`)).status).toBe(500);
    const gone = new AbortController();
    const hanging = fetch(`${origin}/hang`, { signal: gone.signal }).catch(() => "aborted");
    await new Promise((r) => setTimeout(r, 50));
    gone.abort();
    expect(await hanging).toBe("aborted");
    await new Promise((r) => setTimeout(r, 50));
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await recorder.flush();
    const byName = Object.fromEntries(sink.traces().map((t) => [t.name, t]));
    expect(byName["GET /ok"]!.error).toBeUndefined();
    expect(byName["GET /fail"]!.error).toEqual({ kind: "server", message: "HTTP 500" });
    expect(byName["GET /hang"]!.error).toMatchObject({ kind: "aborted" });
    expect(byName["GET /hang"]!.steps[0]).toMatchObject({ name: "waiting" });
  });

  it("Express-style middleware: next runs inside the trace; a throwing handler's error is the trace's and reaches the caller", async () => {
    const { sink, recorder } = setup();
    const req = { method: "POST", url: "/chat", headers: { traceparent: ["00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"] } };
    const res = Object.assign(new EventEmitter(), { statusCode: 200 });
    let stepped = false;
    traceRequests(recorder, (_req, _res, next: () => void) => next())(req, res, () => recorder.step("route", () => void (stepped = true)));
    res.emit("finish");
    const failure = new Error("handler failed");
    expect(() =>
      traceRequests(recorder, () => {
        throw failure;
      })(req, Object.assign(new EventEmitter(), { statusCode: 200 })),
    ).toThrow(failure);
    await recorder.flush();
    const [ok, failed] = sink.traces();
    expect(stepped).toBe(true);
    expect(ok).toMatchObject({ name: "POST /chat", id: "0af7651916cd43dd8448eb211c80319c", steps: [{ name: "route" }] });
    expect(failed!.error).toEqual({ kind: "Error", message: "handler failed" });
  });
});
