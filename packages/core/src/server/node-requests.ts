// One trace per request for a Node `http` server, or an Express/Connect app:
// the handler (and, through AsyncLocalStorage, everything it starts) runs
// inside the trace, which adopts an incoming `traceparent` and ends when the
// response has been sent (or the connection closed before that). Typed by
// the few members it uses, so nothing here imports node:http.
import type { Recorder } from "../types.ts";
import { onSettled } from "../recorder/on-settled.ts";
import { headerValue, requestTraceName } from "./request-trace-name.ts";

/** what is read of a Node IncomingMessage */
export interface NodeRequestLike {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** what is read of a Node ServerResponse */
export interface NodeResponseLike {
  statusCode?: number;
  once(event: "finish" | "close", listener: () => void): unknown;
}

export interface RequestTraceOptions<Req> {
  /** the trace's name; default `METHOD /route`, id segments folded into `:id` (see routeOf) */
  name?: (req: Req) => string;
  /** tags for the trace, read from the request (a tenant, a feature) */
  tags?: (req: Req) => Record<string, string> | undefined;
}

/**
 * `http.createServer(traceRequests(recorder, handler))`, or as Express
 * middleware: `app.use(traceRequests(recorder, (req, res, next) => next()))`.
 * The returned function takes the handler's own argument types: annotate an
 * inline handler's parameters (`(req: IncomingMessage, res: ServerResponse)`)
 * to use more of them than this file names.
 */
export function traceRequests<Req extends NodeRequestLike, Res extends NodeResponseLike, Rest extends unknown[], R>(
  recorder: Pick<Recorder, "startTrace">,
  handler: (req: Req, res: Res, ...rest: Rest) => R,
  options: RequestTraceOptions<Req> = {},
): (req: Req, res: Res, ...rest: Rest) => R {
  return function (this: unknown, req, res, ...rest) {
    const trace = recorder.startTrace(options.name?.(req) ?? requestTraceName(req.method, req.url), { traceparent: headerValue(req.headers.traceparent), tags: options.tags?.(req) });
    let sent = false;
    res.once("finish", () => {
      sent = true;
      const status = res.statusCode ?? 200;
      trace.end(status >= 500 ? { name: "server", message: `HTTP ${status}` } : undefined);
    });
    res.once("close", () => {
      if (!sent) trace.end({ name: "AbortError", message: "the connection closed before the response was sent" });
    });
    // a handler that throws or rejects leaves the response to the framework; the trace keeps the error
    return trace.run(() => onSettled(() => handler.call(this, req, res, ...rest), (failed, error) => failed && trace.end(error)));
  };
}
