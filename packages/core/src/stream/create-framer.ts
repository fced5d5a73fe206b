import type { StreamFormat } from "../providers/types.ts";
import type { EventSink, Framer } from "./framer.ts";
import { createJSONArrayFramer } from "./json-array-framer.ts";
import { createNDJSONFramer } from "./ndjson-framer.ts";
import { createSSEFramer } from "./sse-framer.ts";

export function createFramer(format: StreamFormat, emit: EventSink): Framer {
  if (format === "ndjson") return createNDJSONFramer(emit);
  if (format === "json-array") return createJSONArrayFramer(emit);
  return createSSEFramer(emit);
}
