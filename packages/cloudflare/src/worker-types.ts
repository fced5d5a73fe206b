// The few Workers runtime shapes this package touches, declared structurally so
// consumers need neither @cloudflare/workers-types nor a particular version of it:
// the real ExecutionContext, ScheduledController and MessageBatch all fit.

export interface ExecutionContextLike {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException(): void;
  [key: string]: unknown;
}

export interface ScheduledControllerLike {
  readonly cron: string;
  readonly scheduledTime: number;
}

export interface MessageBatchLike {
  readonly queue: string;
  readonly messages: readonly unknown[];
}

// Loose on purpose: workers-types' ExportedHandler (whose ctx carries more than
// ExecutionContextLike) and hand-written handlers must both fit.
type HandlerFn = (...args: any[]) => unknown;

/** A module Worker's default export. Handlers other than fetch/scheduled/queue pass through untouched. */
export interface WorkerHandler {
  fetch?: HandlerFn;
  scheduled?: HandlerFn;
  queue?: HandlerFn;
}

/** the Env a handler's fetch (or scheduled, or queue) declares */
export type EnvOf<H> = H extends { fetch?: (request: any, env: infer E, ...rest: any[]) => unknown }
  ? E
  : H extends { scheduled?: (controller: any, env: infer E, ...rest: any[]) => unknown }
    ? E
    : H extends { queue?: (batch: any, env: infer E, ...rest: any[]) => unknown }
      ? E
      : any;
