import type { MockContext } from "../context.ts";
import { hashString, seededRandom } from "../content/hash.ts";
import { jsonResponse } from "../respond.ts";

/**
 * A search answers once, after the first-chunk delay moved by up to ± the
 * jitter (seeded by the request), so a demo's retrieval time varies the way a
 * real store's does while runs still repeat.
 */
export function searchResponse(ctx: MockContext, body: unknown): Promise<Response> {
  const { firstChunkDelayMs, jitterMs } = ctx.timing;
  const offset = jitterMs > 0 ? (seededRandom(hashString(ctx.requestId))() * 2 - 1) * jitterMs : 0;
  const first = Math.max(0, Math.round(firstChunkDelayMs + offset));
  return jsonResponse({ ...ctx, delays: { first, next: ctx.delays.next } }, body);
}
