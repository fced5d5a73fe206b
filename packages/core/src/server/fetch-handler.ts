// One trace per request for fetch-style servers (Hono, Bun.serve, Deno.serve,
// itty-router): the handler runs inside the trace, which adopts an incoming
// `traceparent` and ends when the handler's Response is ready (its body may
// still stream: the time the app spent deciding what to answer).
import type { TraceOptions } from "../trace/types.ts";
import type { Recorder } from "../types.ts";
import type { RequestTraceOptions } from "./node-requests.ts";
import { requestTraceName } from "./request-trace-name.ts";

type Tracer = Pick<Recorder, "trace">;

function traceArgs(request: Request, options: RequestTraceOptions<Request>): [string, TraceOptions] {
  const name = options.name?.(request) ?? requestTraceName(request.method, new URL(request.url).pathname);
  return [name, { traceparent: request.headers.get("traceparent") ?? undefined, tags: options.tags?.(request) }];
}

/** `export default { fetch: traceFetchHandler(recorder, app.fetch) }` */
export function traceFetchHandler<Rest extends unknown[], R extends Response | Promise<Response>>(
  recorder: Tracer,
  handler: (request: Request, ...rest: Rest) => R,
  options: RequestTraceOptions<Request> = {},
): (request: Request, ...rest: Rest) => R {
  return (request, ...rest) => {
    const [name, traceOptions] = traceArgs(request, options);
    return recorder.trace(name, () => handler(request, ...rest), traceOptions);
  };
}

/** Hono middleware: `app.use(traceHono(recorder))` */
export function traceHono(recorder: Tracer, options: RequestTraceOptions<Request> = {}): (c: { req: { raw: Request } }, next: () => Promise<void>) => Promise<void> {
  return (c, next) => {
    const [name, traceOptions] = traceArgs(c.req.raw, options);
    return recorder.trace(name, next, traceOptions);
  };
}
