// What beaconSink (beacon-sink.ts) takes and gives.
import type { Sink } from "../types.ts";

export interface BeaconRetryOptions {
  /** first delay; default 500 ms */
  baseMs?: number;
  /** delay ceiling; default 30 s */
  maxMs?: number;
  /** failed sends in a row before the sink stops for now; default 4 */
  attempts?: number;
}

export interface BeaconSinkOptions {
  /** where envelopes of calls are POSTed, e.g. "/llmscope/v1/calls" */
  url: string;
  /** default: url with a trailing `/calls` replaced by `/feedback` */
  feedbackUrl?: string;
  /** travels in the body: sendBeacon cannot set headers */
  writeKey?: string;
  /** default 50 in browsers, 500 elsewhere */
  maxBatchCalls?: number;
  /**
   * Default 60 KiB in browsers: the 64 KiB keepalive quota is shared by every
   * in-flight beacon. Elsewhere (Node, Workers) 512 KiB, half of what the
   * collector takes by default: fewer, larger posts.
   */
  maxPayloadBytes?: number;
  /**
   * Send each call's raw request and response bodies too (their sizes always
   * go). Default false: the parsed prompt, completion and usage carry what the
   * collector and console read, at a fraction of the bytes.
   */
  bodies?: boolean;
  /**
   * Outside browsers, gzip each batch once the collector's answer has said it
   * reads gzip (Accept-Encoding: gzip); the first batch always goes plain.
   * Default true; a collector that never says so never gets a compressed body.
   */
  compress?: boolean;
  /** default 1,000; beyond it the oldest waiting calls are dropped and counted */
  maxQueueCalls?: number;
  /** default 4 MiB of serialized calls */
  maxQueueBytes?: number;
  /** how long a call may wait for more to batch with; default 1 s */
  flushIntervalMs?: number;
  /** a send that takes longer is aborted and retried; default 10 s */
  timeoutMs?: number;
  retry?: BeaconRetryOptions;
  /** handed every delivery promise, so a Worker can stay alive until it settles */
  waitUntil?: (p: Promise<unknown>) => void;
  /** browser: keep unsent calls in IndexedDB across reloads; default true where IndexedDB exists */
  persist?: boolean;
  /** IndexedDB database of unsent calls; default "llmscope-outbox" */
  outboxName?: string;
}

export interface BeaconFlushOptions {
  /** keep-alive hook for this flush only, e.g. a Worker request's ctx.waitUntil */
  waitUntil?: (p: Promise<unknown>) => void;
}

export interface BeaconSink extends Sink {
  /** send everything waiting; resolves once each batch is delivered, stored for later, or given up on */
  flush(options?: BeaconFlushOptions): Promise<void>;
  /** calls and feedback waiting in memory, and their serialized bytes */
  queued(): { calls: number; bytes: number };
}
