// POST /v1/estimate { old, new, samples: [{…}], model?, promptId?, monthlyCalls?, outputPerInput? }
// The prompt-change estimate over the collector's own history. It reads, so
// it takes the read key; its templates, samples and rendered text are capped
// so one request stays bounded, and it yields between samples so ingest and
// queries are answered while it counts.
import { estimatePromptChange } from "../estimate/estimate-change.ts";
import { TemplateError } from "../estimate/template.ts";
import type { HandlerContext } from "./context.ts";
import { HttpError, json } from "./responses.ts";

// bounds on one request's work: tokenizing runs at roughly 2 million characters a second
const MAX_SAMPLES = 1000;
const MAX_TEMPLATE_CHARS = 32 * 1024;
const MAX_RENDERED_CHARS = 64 * 1024;
const MAX_TOTAL_RENDERED_CHARS = 4 * 1024 * 1024;

export async function postEstimate(ctx: HandlerContext, body: unknown): Promise<Response> {
  if (typeof body !== "object" || body === null) throw new HttpError(400, "the body must be a JSON object");
  const b = body as Record<string, unknown>;
  const text = (name: string) => {
    const value = b[name];
    if (typeof value !== "string" || !value) throw new HttpError(400, `${name} must be a non-empty string (the template text)`);
    if (value.length > MAX_TEMPLATE_CHARS) throw new HttpError(400, `${name} is ${value.length} characters; at most ${MAX_TEMPLATE_CHARS}`);
    return value;
  };
  const optional = <T>(name: string, ok: (v: unknown) => boolean, what: string): T | undefined => {
    if (b[name] === undefined) return undefined;
    if (!ok(b[name])) throw new HttpError(400, `${name} must be ${what}`);
    return b[name] as T;
  };
  const oldTemplate = text("old");
  const newTemplate = text("new");
  const samples = b.samples;
  if (!Array.isArray(samples) || samples.length === 0 || samples.some((s) => typeof s !== "object" || s === null || Array.isArray(s))) {
    throw new HttpError(400, "samples must be a non-empty array of objects");
  }
  if (samples.length > MAX_SAMPLES) throw new HttpError(400, `samples: at most ${MAX_SAMPLES}`);
  const model = optional<string>("model", (v) => typeof v === "string" && v.length > 0, "a model id");
  const promptId = optional<string>("promptId", (v) => typeof v === "string" && v.length > 0, "a promptId");
  const isPositive = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0;
  const monthlyCalls = optional<number>("monthlyCalls", isPositive, "a non-negative number");
  const outputPerInput = optional<number>("outputPerInput", isPositive, "a non-negative number");
  try {
    const estimate = await estimatePromptChange({
      oldTemplate,
      newTemplate,
      samples: samples as Record<string, unknown>[],
      limit: MAX_SAMPLES,
      maxRenderedChars: MAX_RENDERED_CHARS,
      maxTotalRenderedChars: MAX_TOTAL_RENDERED_CHARS,
      now: ctx.now(),
      ...(model ? { model } : {}),
      ...(promptId ? { store: ctx.store, promptId } : {}),
      ...(monthlyCalls !== undefined ? { monthlyCalls } : {}),
      ...(outputPerInput !== undefined ? { outputPerInput } : {}),
    });
    return json(estimate);
  } catch (err) {
    if (err instanceof TemplateError) throw new HttpError(400, err.message);
    throw err;
  }
}
