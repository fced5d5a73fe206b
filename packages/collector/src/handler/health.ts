// GET /v1/health: the counters, so every refused or cut call is visible.
import type { HandlerContext } from "./context.ts";
import { json } from "./responses.ts";

export async function health(ctx: HandlerContext): Promise<Response> {
  return json({
    ok: true, counters: ctx.counters, otlp: (ctx.quality ? ctx.quality.exportStats() : ctx.otlp?.stats()) ?? null,
    quality: ctx.quality?.qualityStats() ?? null, calls: await ctx.store.count(),
  });
}
