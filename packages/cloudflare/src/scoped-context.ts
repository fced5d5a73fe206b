// The ctx the handler sees: the runtime's own, except that work handed to
// waitUntil is also awaited by delivery, so LLM calls made in the background
// after the response are recorded and sent too.
import type { RequestScope } from "./request-scope.ts";
import type { ExecutionContextLike } from "./worker-types.ts";

export function scopedContext<C extends ExecutionContextLike>(ctx: C, scope: RequestScope): C {
  const waitUntil = (promise: Promise<unknown>) => {
    scope.waitFor(promise);
    return ctx.waitUntil(promise);
  };
  return new Proxy(ctx, {
    get(target, key) {
      if (key === "waitUntil") return waitUntil;
      const value: unknown = Reflect.get(target, key, target);
      // runtime methods check their receiver: call them on the real ctx
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
