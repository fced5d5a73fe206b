// A streamed answer as the app gets it where the runtime may read a Response
// itself (browsers, Workers, Deno, Bun): an identical Response around a stream
// of ours that watches the body go by. Node builds use
// observed-response-in-place.ts, which keeps the app's very Response.
import type { StreamFormat } from "../providers/types.ts";
import { observeStream, type StreamObserver } from "../stream/observe-stream.ts";
import { rebuiltResponse } from "./rebuilt-response.ts";

export function observedResponse(response: Response, format: StreamFormat, observer: StreamObserver): Response {
  return rebuiltResponse(response, observeStream(response.body!, format, observer));
}
