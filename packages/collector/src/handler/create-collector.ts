// The collector as a Web-standard (Request) => Promise<Response>: the same code
// serves behind node:http, in a Worker, or inside any framework. Routes match
// on the path from "/v1/" on, so it can be mounted under any prefix.
import { createAlertEngine } from "../alerts/alert-engine.ts";
import { createWebhookSender, type WebhookSender } from "../alerts/webhooks.ts";
import { isKeyAllowed, keyFromHeaders } from "./auth.ts";
import { REBUILDS_HEADER } from "@llmscope/core";
import { ACCEPTED_ENCODINGS } from "./body-encoding.ts";
import { readBodyLimited } from "./body-limit.ts";
import { createKeylessBodies } from "./keyless-bodies.ts";
import { checkKeylessWrite } from "./keyless-writes.ts";
import { pathParams } from "./path-params.ts";
import type { ClientInfo } from "../shared/client-info.ts";
import type { Endpoint, HandlerContext, RouteRequest } from "./context.ts";
import { corsHeaders, preflight, refusedOrigins } from "./cors.ts";
import { countRejection, createCounters, type CollectorCounters } from "./counters.ts";
import { getCall } from "./get-call.ts";
import { health } from "./health.ts";
import { listAlerts } from "./list-alerts.ts";
import { alertRca } from "./alert-rca.ts";
import { getAnomalies } from "./get-anomalies.ts";
import { postEstimate } from "./post-estimate.ts";
import { listCalls } from "./list-calls.ts";
import { DEFAULT_LIMITS, type CollectorOptions } from "./options.ts";
import { postCalls } from "./post-calls.ts";
import { postFeedback } from "./post-feedback.ts";
import { createRateLimiter } from "./rate-limit.ts";
import { HttpError, problem } from "./responses.ts";
import { similarCalls } from "./similar-calls.ts";
import { REBUILT_FIELDS } from "./validate-call.ts";
import { stats } from "./stats.ts";
import { feedbackCallIds, setupQuality } from "../quality/setup-quality.ts";
import { getReferences, putReferences } from "../quality/references-endpoint.ts";
import { varianceEndpoint } from "../quality/variance-endpoint.ts";
import { TRACE_ROUTES } from "../traces/trace-endpoints.ts";
import { parseJson, writeKeyOf } from "./validate-envelope.ts";

export type Collector = ((request: Request, client?: ClientInfo) => Promise<Response>) & {
  counters(): CollectorCounters;
  /** wait for background webhook and OTLP deliveries */
  flush(): Promise<void>;
  /**
   * stop taking work: the scoring slice running now ends, calls still waiting
   * to be scored are left to the next start (the store keeps their place),
   * and what OTLP and webhooks hold is sent
   */
  close(): Promise<void>;
};

const READ_ROUTES: [RegExp, Endpoint][] = [
  [/^\/v1\/calls$/, listCalls],
  [/^\/v1\/calls\/(?<id>[^/]+)\/similar$/, similarCalls],
  [/^\/v1\/calls\/(?<id>[^/]+)$/, getCall],
  ...TRACE_ROUTES,
  [/^\/v1\/stats$/, stats],
  [/^\/v1\/alerts$/, listAlerts],
  [/^\/v1\/alerts\/(?<id>[^/]+)\/rca$/, alertRca],
  [/^\/v1\/anomalies$/, getAnomalies],
  [/^\/v1\/health$/, (ctx) => health(ctx)],
  [/^\/v1\/variance$/, varianceEndpoint],
  [/^\/v1\/references$/, getReferences],
  [/^\/v1\/references\/(?<promptId>[^/]+)$/, getReferences],
];
const PUT_ROUTES: [RegExp, (ctx: HandlerContext, body: unknown, params: Record<string, string>) => Promise<Response>][] = [
  [/^\/v1\/references\/(?<promptId>[^/]+)$/, putReferences],
];
const WRITE_ROUTES: Record<string, (ctx: HandlerContext, body: unknown) => Promise<Response>> = {
  "/v1/calls": postCalls,
  "/v1/feedback": postFeedback,
};

export function createCollector(options: CollectorOptions): Collector {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const counters = createCounters();
  const log = options.log ?? ((m: string) => console.error(`[llmscope] ${m}`));
  const webhooks: WebhookSender | undefined = options.webhooks?.length
    ? createWebhookSender(options.webhooks.map((w) => (typeof w === "string" ? { url: w } : w)), (reason) => {
        counters.webhookFailures++;
        log(reason);
      })
    : undefined;
  const ctx: HandlerContext = { store: options.store, limits, counters, log, now: options.now ?? Date.now };
  if (options.otlp) ctx.otlp = options.otlp;
  if (options.alerts !== false) {
    ctx.alerts = createAlertEngine({
      store: options.store,
      thresholds: options.alerts ?? {},
      ...(webhooks ? { webhooks } : {}),
      onError: (kind, err) => {
        counters.alertErrors++;
        log(`alert rule ${kind} failed: ${err instanceof Error ? err.message : String(err)}`);
      },
    });
  }
  if (options.quality) {
    const quality = setupQuality({
      store: options.store,
      quality: options.quality,
      ...(options.otlp ? { otlp: options.otlp } : {}),
      thresholds: options.alerts ?? {},
      ...(webhooks ? { webhooks } : {}),
      log,
      onAlertError: (kind, err) => {
        counters.alertErrors++;
        log(`alert rule ${kind} failed: ${err instanceof Error ? err.message : String(err)}`);
      },
    });
    if (quality) {
      // ingest hands stored calls to the loop, which forwards them to OTLP once scored
      ctx.otlp = ctx.quality = quality.loop;
      ctx.references = quality.references;
    }
  }
  const limiter = limits.rateLimit ? createRateLimiter(limits.rateLimit) : undefined;
  const writeKeys = options.writeKeys ?? [];
  const readKeys = options.readKeys ?? [];

  const rateLimit = (key: string | undefined) => {
    const wait = limiter?.take(key ?? "anonymous", ctx.now());
    if (wait !== undefined) {
      countRejection(counters, "rate_limited");
      throw new HttpError(429, `too many requests; retry in ${wait}s`, { "retry-after": String(wait) });
    }
  };

  const keylessBodies = createKeylessBodies(limits.maxKeylessBodies);
  const unauthorized = (side: "read" | "write") => new HttpError(401, `a valid ${side} key is required`, { "www-authenticate": "Bearer" });
  /** a key in a header is checked before a byte of the body is read; without one, the body waits its turn */
  const readBody = async (request: Request, headerKey: string | undefined) => {
    const read = () => readBodyLimited(request, limits.maxBodyBytes, limits.bodyTimeoutMs);
    return parseJson(await (headerKey === undefined ? keylessBodies.read(read) : read()));
  };

  async function route(request: Request, url: URL, client: ClientInfo | undefined): Promise<Response> {
    const at = url.pathname.indexOf("/v1/");
    const path = at >= 0 ? url.pathname.slice(at).replace(/\/+$/, "") : url.pathname;
    const headerKey = keyFromHeaders(request.headers);
    // requests without a key are limited by where they come from, before anything else
    if (headerKey === undefined) rateLimit(`address ${client?.address ?? "unknown"}`);
    const write = WRITE_ROUTES[path];
    if (request.method === "POST" && write) {
      if (!writeKeys.length) checkKeylessWrite(request, url, options.cors);
      if (headerKey !== undefined) {
        if (writeKeys.length && !isKeyAllowed(headerKey, writeKeys)) throw unauthorized("write");
        rateLimit(headerKey);
      }
      const body = await readBody(request, headerKey);
      if (headerKey === undefined) {
        const key = writeKeyOf(body);
        if (writeKeys.length && !isKeyAllowed(key, writeKeys)) throw unauthorized("write");
        if (key !== undefined) rateLimit(key);
      }
      const response = await write(ctx, body);
      if (path === "/v1/feedback" && response.ok) ctx.quality?.feedbackArrived(feedbackCallIds(body));
      return response;
    }
    // the estimate takes a body but only reads, so it answers to the read key
    if (request.method === "POST" && path === "/v1/estimate") {
      if (readKeys.length && !isKeyAllowed(headerKey, readKeys)) throw unauthorized("read");
      if (headerKey !== undefined) rateLimit(headerKey);
      return postEstimate(ctx, await readBody(request, headerKey));
    }
    const put = PUT_ROUTES.find(([pattern]) => pattern.test(path));
    if (request.method === "PUT" && put) {
      // reference answers steer scoring: they take the read (operator) key, never the write key browsers carry
      if (readKeys.length && !isKeyAllowed(headerKey, readKeys)) throw unauthorized("read");
      if (!readKeys.length) checkKeylessWrite(request, url, options.cors);
      if (headerKey !== undefined) rateLimit(headerKey);
      const body = await readBody(request, headerKey);
      const groups = put[0].exec(path)!.groups ?? {};
      return put[1](ctx, body, pathParams(groups));
    }
    for (const [pattern, endpoint] of READ_ROUTES) {
      const m = pattern.exec(path);
      if (!m) continue;
      if (request.method !== "GET") throw new HttpError(405, `${path} answers GET${put ? " and PUT" : ""}`, { allow: put ? "GET, PUT" : "GET" });
      if (readKeys.length && !isKeyAllowed(headerKey, readKeys)) throw unauthorized("read");
      if (headerKey !== undefined) rateLimit(headerKey);
      const req: RouteRequest = { request, url, params: pathParams(m.groups ?? {}) };
      if (headerKey !== undefined) req.headerKey = headerKey;
      return endpoint(ctx, req);
    }
    if (write) throw new HttpError(405, `${path} answers POST`, { allow: "POST" });
    throw new HttpError(404, `no endpoint at ${path}`);
  }

  const noticeRefused = refusedOrigins(options.cors, log);
  const handler = async (request: Request, client?: ClientInfo): Promise<Response> => {
    const origin = request.headers.get("origin");
    if (request.method === "OPTIONS") return preflight(origin, options.cors);
    const cors = corsHeaders(origin, options.cors);
    let response: Response;
    try {
      const url = new URL(request.url);
      noticeRefused(origin, url);
      response = await route(request, url, client);
    } catch (err) {
      if (err instanceof HttpError) {
        if (err.status === 413) countRejection(counters, "body_too_large");
        else if (err.status === 408) countRejection(counters, "body_timeout");
        else if (err.status === 403) countRejection(counters, "keyless_write_refused");
        else if (err.status === 503) countRejection(counters, "keyless_bodies_busy");
        else if (err.status === 400) countRejection(counters, "invalid");
        else if (err.status === 401) countRejection(counters, "unauthorized");
        else if (err.status === 415) countRejection(counters, "unsupported_encoding");
        response = problem(err.status, err.message, err.headers);
      } else {
        log(`internal error: ${err instanceof Error ? err.message : String(err)}`);
        response = problem(500, "internal error");
      }
    }
    for (const [k, v] of Object.entries(cors)) response.headers.set(k, v);
    // tells a beacon it may compress what it sends next
    response.headers.set("accept-encoding", ACCEPTED_ENCODINGS);
    // and that it may leave out what this collector rebuilds
    response.headers.set(REBUILDS_HEADER, REBUILT_FIELDS);
    return response;
  };

  return Object.assign(handler, {
    counters: () => counters,
    async flush() {
      // the quality loop's flush scores what is waiting, then flushes OTLP
      await ctx.otlp?.flush();
      await webhooks?.flush();
    },
    async close() {
      await ctx.otlp?.shutdown();
      await webhooks?.flush();
    },
  });
}
