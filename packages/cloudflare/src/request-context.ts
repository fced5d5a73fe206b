// What an incoming request says about the LLM calls it will cause: its trace
// context (W3C traceparent) and the Cloudflare ray id that ties a record to the
// request's own logs.
import type { Tags } from "@llmscope/core";

// version-traceid-parentid-flags; an all-zero trace or parent id is invalid per the spec
const TRACEPARENT = /^[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The request's traceparent header when it is well-formed, else undefined. */
export function traceparentOf(headers: Headers): string | undefined {
  const value = headers.get("traceparent")?.trim().toLowerCase();
  return value && TRACEPARENT.test(value) ? value : undefined;
}

/** Tags every request carries on its own: its ray id as `cfRay`. */
export function requestTags(headers: Headers): Tags {
  const ray = headers.get("cf-ray");
  return ray ? { cfRay: ray } : {};
}
