// Records leave after the response, inside ctx.waitUntil, so the client never
// waits for them and the runtime keeps the isolate alive until they are sent.
import type { Isolate } from "./isolate.ts";
import { DEFAULT_DELIVERY_TIMEOUT_MS } from "./options.ts";
import type { RequestScope } from "./request-scope.ts";
import type { ExecutionContextLike } from "./worker-types.ts";

/** hand the scope's delivery to the runtime; never throws into the handler */
export function deliverAfter(isolate: Isolate, scope: RequestScope, ctx: ExecutionContextLike): void {
  try {
    ctx.waitUntil(deliver(isolate, scope));
  } catch {
    isolate.problems.deliveryErrors++;
  }
}

async function deliver(isolate: Isolate, scope: RequestScope): Promise<void> {
  const timeoutMs = isolate.options.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timedOut = new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
    // a stream the client never finishes reading must not hold the rest back for ever;
    // its record goes out with a later request's delivery once it ends
    if ((await Promise.race([scope.settled(), timedOut])) === true) isolate.problems.deliveryTimeouts++;
    // the trace ends here, after its calls, so it goes out in this same flush
    scope.trace?.end(scope.error);
    await isolate.recorder.flush();
  } catch {
    isolate.problems.deliveryErrors++;
  } finally {
    clearTimeout(timer);
  }
}
