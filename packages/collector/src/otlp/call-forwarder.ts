// The seam between ingest and any onward export (OTLP today). Ingest hands over
// freshly stored calls and moves on; a forwarder queues and sends on its own.
import type { LLMCall, Trace } from "@llmscope/core";

export interface CallForwarder {
  /** must not throw or block; a forwarder drops (and counts) what it cannot queue */
  forward(calls: LLMCall[]): void;
  /** freshly stored traces, exported as their own spans (their calls come through forward); same rules */
  forwardTraces?(traces: Trace[]): void;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
  stats(): { forwarded: number; dropped: number; failed: number };
}
