import type { MockContext } from "./context.ts";
import { CORS_HEADERS } from "./cors.ts";
import { breakPoint } from "./stream/encode.ts";
import { sleep } from "./stream/delays.ts";
import { timedBody } from "./stream/timed-body.ts";

export function headersFor(ctx: MockContext, contentType: string, extra: Record<string, string> = {}): Headers {
  return new Headers({ ...CORS_HEADERS, ...ctx.protocol.headers(ctx), "content-type": contentType, ...extra });
}

/**
 * A complete JSON body, sent after the first-chunk delay (a real non-streamed
 * call answers only once generation is done). `stream_cut` sends half of it
 * and fails; `stream_error`, which needs a stream to happen in, becomes the
 * provider's server error.
 */
export async function jsonResponse(ctx: MockContext, body: unknown, status = 200): Promise<Response> {
  if (ctx.scenario === "stream_error") return ctx.protocol.errorResponse("server_error", ctx);
  const text = JSON.stringify(body);
  const headers = headersFor(ctx, "application/json");
  if (ctx.scenario === "stream_cut") {
    const half = text.slice(0, Math.floor(text.length / 2));
    return new Response(timedBody([half], ctx.delays, "cut"), { status, headers });
  }
  await sleep(ctx.delays.first);
  return new Response(text, { status, headers });
}

/** A stream released part by part with the configured delays; `stream_cut` stops halfway and fails. */
export function streamResponse(ctx: MockContext, parts: string[], contentType: string): Response {
  const headers = headersFor(ctx, contentType, { "cache-control": "no-cache" });
  if (ctx.scenario === "stream_cut") {
    return new Response(timedBody(parts.slice(0, breakPoint(parts.length)), ctx.delays, "cut"), { status: 200, headers });
  }
  return new Response(timedBody(parts, ctx.delays), { status: 200, headers });
}

/** For `stream_error`: keep the first half of the parts, then the provider's in-stream error, then end. */
export function withStreamError(ctx: MockContext, parts: string[], errorPart: string): string[] {
  if (ctx.scenario !== "stream_error") return parts;
  return [...parts.slice(0, breakPoint(parts.length)), errorPart];
}

export function errorJson(ctx: MockContext, status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: headersFor(ctx, "application/json", extra) });
}
