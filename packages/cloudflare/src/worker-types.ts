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

/** A module Worker's default export. Handlers other than fetch/scheduled/queue pass through untouched. */
export interface WorkerHandler<Env = any> {
  fetch?(request: Request, env: Env, ctx: ExecutionContextLike): Response | Promise<Response>;
  scheduled?(controller: ScheduledControllerLike, env: Env, ctx: ExecutionContextLike): unknown;
  queue?(batch: MessageBatchLike, env: Env, ctx: ExecutionContextLike): unknown;
}
