// @llmscope/core/server: one trace per incoming request for Node http,
// Express/Connect, and fetch-style servers (Hono, Bun, Deno). A subpath of its
// own: apps that serve nothing never load it, and it imports no runtime.
export { traceRequests, type NodeRequestLike, type NodeResponseLike, type RequestTraceOptions } from "./node-requests.ts";
export { traceFetchHandler, traceHono } from "./fetch-handler.ts";
export { requestTraceName, routeOf } from "./request-trace-name.ts";
export { parseTraceparent, formatTraceparent, type ParentContext } from "../trace/traceparent.ts";
