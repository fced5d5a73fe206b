// The wire format between beaconSink and the collector. Versioned so either
// side can change without silently misreading the other.
import type { LLMCall } from "../types.ts";
import type { Trace } from "../trace/types.ts";

export const ENVELOPE_VERSION = 1 as const;

/** POST {endpoint}/v1/calls — each call keeps its id so a receiver can deduplicate retries. */
export interface CallsEnvelope {
  v: typeof ENVELOPE_VERSION;
  /** epoch ms when this batch was (re)sent */
  sentAt: number;
  /** sendBeacon cannot set headers, so the write key may travel in the body */
  writeKey?: string;
  calls: LLMCall[];
  /** finished traces; a receiver that predates them ignores the field and loses nothing else */
  traces?: Trace[];
}

export interface FeedbackItem {
  callId: string;
  score: 1 | -1;
  comment?: string;
  /** epoch ms */
  at: number;
}

/** POST {endpoint}/v1/feedback */
export interface FeedbackEnvelope {
  v: typeof ENVELOPE_VERSION;
  /** epoch ms when this batch was (re)sent; beaconSink always sets it */
  sentAt?: number;
  writeKey?: string;
  feedback: FeedbackItem[];
}

// A collector may list fields it rebuilds in its answers' REBUILDS_HEADER; a
// beacon then leaves them out. prompt.text is rebuilt by promptTextOf.
export { promptTextOf, REBUILDS_HEADER } from "./rebuilt-prompt-text.ts";
