// One incoming event (request, cron tick, queue batch) and the LLM calls it
// causes. Delivery waits on it: the response may be sent while a streamed call
// is still running or while background work (ctx.waitUntil) starts new calls,
// and those records must still go out with this event.
import type { LLMCall, TraceHandle } from "@llmscope/core";

export class RequestScope {
  readonly traceparent: string | undefined;
  /** the event's trace, ended by delivery once the event has settled */
  trace: TraceHandle | undefined;
  /** what the handler threw, for the trace's end */
  error: unknown;
  /** calls started under this scope so far */
  callCount = 0;
  private readonly pending = new Set<string>();
  private readonly background: Promise<unknown>[] = [];
  private wake: (() => void) | undefined;

  constructor(traceparent?: string) {
    this.traceparent = traceparent;
  }

  started(callId: string): void {
    this.callCount++;
    this.pending.add(callId);
  }

  ended(callId: string): void {
    if (this.pending.delete(callId)) this.notify();
  }

  /** work the handler handed to ctx.waitUntil: it may start LLM calls after the response */
  waitFor(promise: Promise<unknown>): void {
    this.background.push(promise);
    this.notify();
  }

  get inFlight(): number {
    return this.pending.size;
  }

  /** the incoming request's trace context on a call that carries none of its own */
  attribute(call: LLMCall): LLMCall {
    return call.traceparent || !this.traceparent ? call : { ...call, traceparent: this.traceparent };
  }

  /** resolves once the background work has settled and no call started here is still running */
  async settled(): Promise<void> {
    for (;;) {
      const seen = this.background.length;
      await Promise.allSettled(this.background);
      if (this.pending.size > 0) await new Promise<void>((resolve) => (this.wake = resolve));
      else if (this.background.length === seen) return;
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
