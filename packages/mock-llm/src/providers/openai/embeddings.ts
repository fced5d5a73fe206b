import type { MockContext } from "../../context.ts";
import { hashString, seededRandom } from "../../content/hash.ts";
import { estimateTokens } from "../../content/tokens.ts";
import { jsonResponse } from "../../respond.ts";
import { modelOf } from "./request.ts";

function defaultDimensions(model: string): number {
  if (model.includes("3-large")) return 3072;
  return 1536;
}

/** Token arrays count as they are; strings by estimate. */
function inputs(input: unknown): { key: string; tokens: number }[] {
  const list = Array.isArray(input) && !input.every((x) => typeof x === "number") ? input : [input];
  return list.map((item) =>
    Array.isArray(item) ? { key: item.join(","), tokens: item.length } : { key: String(item ?? ""), tokens: estimateTokens(String(item ?? "")) },
  );
}

/** A unit vector seeded by the input, so equal inputs embed equally. */
function vectorFor(key: string, dimensions: number): Float32Array {
  const random = seededRandom(hashString(key));
  const v = new Float32Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    v[i] = random() * 2 - 1;
    norm += v[i]! * v[i]!;
  }
  const scale = 1 / Math.sqrt(norm || 1);
  for (let i = 0; i < dimensions; i++) v[i] = v[i]! * scale;
  return v;
}

function base64Of(v: Float32Array): string {
  const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

export function embeddingsHandler(ctx: MockContext): Promise<Response> {
  if (ctx.body.input === undefined) return Promise.resolve(ctx.protocol.invalidRequest("'input' is a required property", ctx));
  const model = modelOf(ctx, "text-embedding-3-small");
  const dims = typeof ctx.body.dimensions === "number" && ctx.body.dimensions > 0 ? Math.floor(ctx.body.dimensions) : defaultDimensions(model);
  const base64 = ctx.body.encoding_format === "base64";
  const items = inputs(ctx.body.input);
  const data = items.map((item, index) => {
    const v = vectorFor(item.key, dims);
    return { object: "embedding", index, embedding: base64 ? base64Of(v) : Array.from(v) };
  });
  const tokens = items.reduce((sum, item) => sum + item.tokens, 0);
  return jsonResponse(ctx, { object: "list", data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
}
