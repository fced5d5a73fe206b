// beaconSink in browser builds (#beacon-sink's "browser" condition): write()
// only queues; the delivery (beacon-sink.ts: batching, shrinking, retries with
// backoff, answer handling, the outbox) is a chunk (#beacon-delivery) begun
// when the sink is created, which takes over what was queued, in order, once
// it has loaded. Workers and Node link the delivery itself (no chunk).
//
// The page may hide before the chunk has loaded (or the chunk may fail to
// load): what waits then goes out at once by navigator.sendBeacon (a keepalive
// fetch when it refuses) in a plain form, each call as written (the recorder
// scrubbed and redacted it) less its raw bodies, in envelopes under the
// beacon's 64 KiB cap; a call that alone is over it is dropped and counted.
import type { Trace } from "../trace/types.ts";
import type { Feedback, LLMCall, SinkContext } from "../types.ts";
import type { BeaconFlushOptions, BeaconSink, BeaconSinkOptions } from "./beacon-options.ts";
import { ENVELOPE_VERSION } from "./envelope.ts";

export type { BeaconFlushOptions, BeaconRetryOptions, BeaconSink, BeaconSinkOptions } from "./beacon-options.ts";

type Delivery = typeof import("./beacon-sink.ts");
type Early = (sink: BeaconSink) => void;

/** the page-hide envelope's room for items (sendBeacon refuses past 64 KiB) */
const PLAIN_ROOM = 61_000;

const importDelivery = (): Promise<Delivery> => import("#beacon-delivery");

/** a call as the page-hide send carries it: as written, less its raw bodies */
const plainCall = (call: LLMCall): string =>
  JSON.stringify(call, (key, value: unknown) => (key == "body" && typeof value == "string" ? undefined : value));

export function beaconSink(options: BeaconSinkOptions, load: () => Promise<Delivery> = importDelivery): BeaconSink {
  const g = globalThis as any;
  const { url, feedbackUrl = url.replace(/\/calls$/, "") + "/feedback", writeKey, maxQueueCalls = 1000 } = options;
  const key = writeKey ? `,"writeKey":${JSON.stringify(writeKey)}` : "";
  let ctx: SinkContext | undefined;
  let sink: BeaconSink | undefined;
  let loading: Promise<void> | undefined;
  // before the chunk has loaded: each item's hand-over to the delivery, and its plain JSON for a page-hide send
  let early: { give: Early; kind: "calls" | "traces" | "feedback"; json: () => string }[] = [];

  /** loads the chunk once; a failed load is counted and tried again by the next write or flush */
  const start = (): Promise<void> =>
    (loading ??= load().then(
      (m) => {
        sink = m.beaconSink(options);
        if (ctx) sink.attach!(ctx);
        for (const item of early) item.give(sink);
        early = [];
      },
      (e: unknown) => {
        loading = undefined;
        ctx?.error(e);
      },
    ));
  const queue = (kind: "calls" | "traces" | "feedback", give: Early, json: () => string) => {
    if (sink) return give(sink);
    early.push({ give, kind, json });
    if (early.length > maxQueueCalls) early.shift(), ctx?.drop(1, "beacon-queue-full");
    void start();
  };
  /** the page may be going away before the chunk has loaded: what waits goes out now, plain */
  const hide = () => {
    if (sink || !early.length) return;
    const items = early;
    early = [];
    for (const kind of ["calls", "traces", "feedback"] as const) {
      let batch: string[] = [];
      let bytes = 0;
      const post = () => {
        if (!batch.length) return;
        const body = `{"v":${ENVELOPE_VERSION},"sentAt":${Date.now()}${key},${kind == "traces" ? '"calls":[],' : ""}"${kind}":[${batch.join(",")}]}`;
        const target = kind == "feedback" ? feedbackUrl : url;
        const n = batch.length;
        if (!g.navigator?.sendBeacon?.(target, body)) void (ctx?.fetch ?? fetch)(target, { method: "POST", body, keepalive: true }).catch(() => ctx?.drop(n, "beacon-failed"));
        batch = [];
        bytes = 0;
      };
      for (const item of items) {
        if (item.kind != kind) continue;
        const json = item.json();
        const size = new Blob([json]).size + 1;
        if (size > PLAIN_ROOM) {
          ctx?.drop(1, "beacon-too-large");
          continue;
        }
        if (bytes + size > PLAIN_ROOM) post();
        batch.push(json);
        bytes += size;
      }
      post();
    }
  };
  void start();

  return {
    name: "beacon",
    attach(c) {
      ctx = c;
      // at once, not when the delivery attaches: its own posts must never be recorded
      for (const target of [url, feedbackUrl]) c.ignore(target);
      if (sink) return sink.attach!(c);
      g.document?.addEventListener("visibilitychange", () => g.document.hidden && hide());
      g.addEventListener?.("pagehide", hide);
    },
    write: (call: LLMCall) => queue("calls", (s) => s.write(call), () => plainCall(call)),
    writeTrace: (trace: Trace) => queue("traces", (s) => s.writeTrace!(trace), () => JSON.stringify(trace)),
    feedback: (callId: string, feedback: Feedback) =>
      queue("feedback", (s) => s.feedback!(callId, feedback), () => JSON.stringify({ callId, score: feedback.score, comment: feedback.comment, at: feedback.at })),
    flush(o?: BeaconFlushOptions) {
      const p = start().then(() => sink?.flush(o));
      o?.waitUntil?.(p);
      return p;
    },
    queued: () => sink?.queued() ?? { calls: early.length, bytes: 0 },
  };
}
