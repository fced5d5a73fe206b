// What every endpoint gets: the parsed options plus the shared machinery.
import type { CallStore } from "../store/call-store.ts";
import type { AlertEngine } from "../alerts/alert-engine.ts";
import type { CallForwarder } from "../otlp/call-forwarder.ts";
import type { QualityLoop } from "../quality/evaluation-loop.ts";
import type { ReferenceBook } from "../quality/reference-book.ts";
import type { CollectorCounters } from "./counters.ts";
import type { CollectorLimits } from "./options.ts";

export interface HandlerContext {
  store: CallStore;
  limits: CollectorLimits;
  counters: CollectorCounters;
  alerts?: AlertEngine;
  /** with quality on, the evaluation loop (it forwards to OTLP once calls are scored) */
  otlp?: CallForwarder;
  quality?: QualityLoop;
  references?: ReferenceBook;
  log: (message: string) => void;
  now: () => number;
}

export interface RouteRequest {
  request: Request;
  url: URL;
  /** path parameters, e.g. the call id */
  params: Record<string, string>;
  /** the key from the headers, if any */
  headerKey?: string;
}

export type Endpoint = (ctx: HandlerContext, req: RouteRequest) => Promise<Response>;
