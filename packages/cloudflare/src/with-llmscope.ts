// withLLMScope: wraps a module Worker so every LLM call it makes is recorded,
// attributed to the event (request, cron tick, queue batch) that caused it,
// gathered with the event's other work into one trace ("POST /chat"), and
// delivered after the response through ctx.waitUntil.
import type { Tags } from "@llmscope/core";
import { resolveAsyncLocalStorage } from "./async-local-storage.ts";
import { deliverAfter } from "./delivery.ts";
import { emptyProblems, startIsolate, type Isolate } from "./isolate.ts";
import { normalizeTags, type LLMScopeConfig, type LLMScopeOptions } from "./options.ts";
import { requestTags, traceparentOf } from "./request-context.ts";
import { RequestScope } from "./request-scope.ts";
import { scopedContext } from "./scoped-context.ts";
import { requestTraceName } from "@llmscope/core/server";
import type { EnvOf, ExecutionContextLike, MessageBatchLike, ScheduledControllerLike, WorkerHandler } from "./worker-types.ts";

export function withLLMScope<H extends WorkerHandler, Env = EnvOf<H>>(handler: H, config: LLMScopeConfig<Env> = {}): H {
  // resolved now, while the module loads: a Worker without the flag fails to start
  const Storage = resolveAsyncLocalStorage(typeof config === "function" ? undefined : config.asyncLocalStorage);
  const problems = emptyProblems();
  let isolate: Isolate | undefined;
  let setupFailed = false;

  const isolateFor = (env: Env): Isolate | undefined => {
    if (isolate || setupFailed) return isolate;
    try {
      isolate = startIsolate(typeof config === "function" ? config(env) : config, Storage, problems);
    } catch (err) {
      // the Worker keeps serving, unrecorded; say so once where `wrangler tail` shows it
      setupFailed = true;
      problems.setupErrors++;
      console.error("llmscope: recorder set-up failed; requests run unrecorded:", err);
    }
    return isolate;
  };

  /** run one event's handler inside its scope, then deliver what it recorded */
  async function run<R>(
    env: Env,
    ctx: ExecutionContextLike,
    name: string,
    tags: (options: LLMScopeOptions<Env>) => Tags,
    traceparent: string | undefined,
    fn: (ctx: ExecutionContextLike) => R,
  ): Promise<Awaited<R>> {
    const current = isolateFor(env);
    if (!current) return await fn(ctx);
    const scope = new RequestScope(traceparent);
    let eventTags: Tags = {};
    try {
      eventTags = tags(current.options);
    } catch {
      current.problems.tagErrors++;
    }
    const { recorder } = current;
    try {
      // one trace per event, begun inside the event's tags so it carries them; it ends once the
      // event's calls and background work have settled (delivery), so it spans a streamed answer too
      return await recorder.withTags(eventTags, () => {
        scope.trace = recorder.startTrace(name, traceparent ? { traceparent } : undefined);
        return scope.trace.run(() => current.scopes.run(scope, () => fn(scopedContext(ctx, scope))));
      });
    } catch (error) {
      scope.error = error;
      throw error;
    } finally {
      deliverAfter(current, scope, ctx);
    }
  }

  const wrapped: WorkerHandler = { ...handler };
  const { fetch, scheduled, queue } = handler;
  if (fetch) {
    wrapped.fetch = (request: Request, env: Env, ctx: ExecutionContextLike) =>
      run(
        env,
        ctx,
        requestTraceName(request.method, new URL(request.url).pathname),
        (options) => ({ ...requestTags(request.headers), ...normalizeTags(options.tags?.(request, env)) }),
        traceparentOf(request.headers),
        (scoped) => fetch.call(handler, request, env, scoped),
      );
  }
  if (scheduled) {
    wrapped.scheduled = (controller: ScheduledControllerLike, env: Env, ctx: ExecutionContextLike) =>
      run(env, ctx, `scheduled ${controller.cron}`, () => ({ trigger: "scheduled", cron: controller.cron }), undefined, (scoped) => scheduled.call(handler, controller, env, scoped));
  }
  if (queue) {
    wrapped.queue = (batch: MessageBatchLike, env: Env, ctx: ExecutionContextLike) =>
      run(env, ctx, `queue ${batch.queue}`, () => ({ trigger: "queue", queue: batch.queue }), undefined, (scoped) => queue.call(handler, batch, env, scoped));
  }
  return wrapped as H;
}
