import type { MockContext } from "../../context.ts";
import { embedText } from "../../content/embedding.ts";
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
    const v = embedText(item.key, dims);
    return { object: "embedding", index, embedding: base64 ? base64Of(v) : Array.from(v) };
  });
  const tokens = items.reduce((sum, item) => sum + item.tokens, 0);
  return jsonResponse(ctx, { object: "list", data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
}
