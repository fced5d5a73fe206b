// Delivers finished calls to a collector in versioned envelopes (see
// envelope.ts). Browser: fetch with keepalive while the page is visible (so a
// failure is known and retried); navigator.sendBeacon once it is hidden or
// going away; unsent batches wait in IndexedDB for `online` or the next page
// load. Workers and Node: the original fetch, kept alive through `waitUntil`.
import type { Feedback, LLMCall, Sink, SinkContext } from "../types.ts";
import type { BeaconItem, Outbox } from "./beacon-outbox.ts";
import { shrinkCall } from "./beacon-shrink.ts";
import { ENVELOPE_VERSION } from "./envelope.ts";

export type { BeaconItem };

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
  /** default 50 */
  maxBatchCalls?: number;
  /** default 60 KiB: the 64 KiB keepalive quota is shared by every in-flight beacon */
  maxPayloadBytes?: number;
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

const DELIVERED = 0;
const RETRY = 1;
const REJECTED = 2;

export function beaconSink(options: BeaconSinkOptions): BeaconSink {
  const { url, writeKey, maxBatchCalls = 50, maxPayloadBytes = 61_440, maxQueueCalls = 1000 } = options;
  const { maxQueueBytes = 4 << 20, flushIntervalMs = 1000, timeoutMs = 10_000 } = options;
  const { baseMs = 500, maxMs = 30_000, attempts = 4 } = options.retry ?? {};
  const feedbackUrl = options.feedbackUrl ?? url.replace(/\/calls$/, "") + "/feedback";
  const g = globalThis as any;
  const browser = typeof g.navigator?.sendBeacon == "function" && typeof g.document == "object";
  const encoder = new TextEncoder();
  const size = (s: string) => encoder.encode(s).length;
  const key = writeKey ? `,"writeKey":${JSON.stringify(writeKey)}` : "";
  // the envelope around the calls: {"v":1,"sentAt":<13 digits>,<key>,"calls":[...]}
  const room = maxPayloadBytes - 48 - size(key);

  let ctx: SinkContext | undefined;
  let queue: BeaconItem[] = [];
  let bytes = 0;
  // queued or in flight: an outbox reload must not add a second copy
  const ids = new Set<string>();
  let timer: any;
  let pump: Promise<void> | undefined;
  let outbox: Promise<Outbox | undefined> | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  const fail = (e: unknown) => ctx?.error(e);
  const drop = (n: number, reason: string) => n > 0 && ctx?.drop(n, reason);
  const box = (op: (o: Outbox) => Promise<unknown>) =>
    (chain = chain.then(() => outbox?.then((o) => o && op(o))).catch(fail));

  const enqueue = (items: BeaconItem[], front?: boolean) => {
    for (const i of items) bytes += i.bytes;
    queue = front ? [...items, ...queue] : queue.concat(items);
    let lost = 0;
    while (queue.length > maxQueueCalls || bytes > maxQueueBytes) {
      const old = queue.shift()!;
      bytes -= old.bytes;
      ids.delete(old.id);
      // a stored call is still in the outbox, so it is not lost
      if (!old.stored) lost++;
    }
    drop(lost, "beacon-queue-full");
  };
  const add = (item: BeaconItem) => {
    if (ids.has(item.id)) return;
    ids.add(item.id);
    enqueue([item]);
    if (pump || (timer && queue.length < maxBatchCalls)) return;
    clearTimeout(timer);
    timer = setTimeout(run, queue.length < maxBatchCalls ? flushIntervalMs : 0);
    timer.unref?.();
  };
  /** the largest head of list that fits one envelope, removed from list */
  const take = (list: BeaconItem[]) => {
    let n = 0;
    for (let total = 0; n < list.length && n < maxBatchCalls && list[n]!.kind == list[0]!.kind; n++) {
      total += list[n]!.bytes + 1;
      if (total > room && n) break;
    }
    const batch = list.splice(0, n);
    if (list == queue) for (const i of batch) bytes -= i.bytes;
    return batch;
  };
  const store = (items: BeaconItem[]) => {
    const fresh = items.filter((i) => !i.stored);
    for (const i of fresh) i.stored = true;
    if (fresh.length) box((o) => o.put(fresh).then((n) => drop(n, "beacon-outbox-full")));
  };
  const forget = (batch: BeaconItem[]) => {
    for (const i of batch) ids.delete(i.id);
    const stored = batch.filter((i) => i.stored).map((i) => i.id);
    if (stored.length) box((o) => o.remove(stored));
  };
  const settle = (batch: BeaconItem[], r: number) => {
    if (r == RETRY) {
      enqueue(batch, true);
      if (outbox) store(batch);
      return;
    }
    forget(batch);
    if (r == REJECTED) drop(batch.length, "beacon-rejected");
  };

  const post = async (batch: BeaconItem[], beacon?: boolean) => {
    const kind = batch[0]!.kind;
    const target = kind == "calls" ? url : feedbackUrl;
    const body = `{"v":${ENVELOPE_VERSION},"sentAt":${Date.now()}${key},"${kind}":[${batch.map((i) => i.json).join(",")}]}`;
    try {
      if (beacon && g.navigator.sendBeacon(target, new Blob([body], { type: "text/plain" }))) return DELIVERED;
    } catch (e) {
      fail(e);
    }
    const abort = new AbortController();
    const t = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const init: RequestInit = { method: "POST", body, headers: { "content-type": "text/plain" }, signal: abort.signal };
      // keepalive lets the send outlive the page; some server runtimes reject the field
      if (browser) init.keepalive = true;
      const res = await (ctx?.fetch ?? fetch)(target, init);
      res.body?.cancel().catch(() => {});
      const s = res.status;
      return res.ok ? DELIVERED : s == 408 || s == 429 || s > 499 ? RETRY : REJECTED;
    } catch {
      return RETRY;
    } finally {
      clearTimeout(t);
    }
  };

  const loop = async () => {
    for (let fails = 0; queue.length; ) {
      const batch = take(queue);
      const r = await post(batch);
      settle(batch, r);
      if (r != RETRY) fails = 0;
      else if (++fails > attempts) {
        if (await outbox) {
          // the endpoint is down: everything waits in the outbox for `online` or the next load
          store(queue);
          for (const i of queue) ids.delete(i.id);
          queue = [];
          bytes = 0;
        } else {
          const gone = take(queue);
          forget(gone);
          drop(gone.length, "beacon-failed");
        }
        return;
      } else await new Promise((w) => setTimeout(w, Math.min(maxMs, baseMs * 2 ** (fails - 1)) * (0.5 + Math.random() / 2)));
    }
  };
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pump) {
      pump = loop().catch(fail).finally(() => (pump = undefined));
      options.waitUntil?.(pump);
    }
    return pump;
  };
  // the page may be going away: hand never-tried calls to sendBeacon now
  const hide = () => {
    const fresh = queue.filter((i) => !i.stored);
    queue = queue.filter((i) => i.stored);
    for (const i of fresh) bytes -= i.bytes;
    while (fresh.length) {
      const batch = take(fresh);
      void post(batch, true).then((r) => settle(batch, r));
    }
  };
  const reload = () =>
    box(async (o) => {
      for (const i of await o.all()) if (!ids.has(i.id)) {
          ids.add(i.id);
          enqueue([i]);
        }
      void run();
    });

  return {
    name: "beacon",
    attach(c) {
      ctx = c;
      for (const u of [url, feedbackUrl]) {
        c.ignore(u);
        try {
          c.ignore(new URL(u, g.location?.href).href);
        } catch {}
      }
      if (!browser) return;
      g.document.addEventListener("visibilitychange", () => g.document.visibilityState == "hidden" && hide());
      g.addEventListener("pagehide", hide);
      if (options.persist !== false && g.indexedDB) {
        // "#beacon-outbox" is ./beacon-outbox.ts, or nothing in Workers builds (see no-outbox.ts)
        outbox = import("#beacon-outbox")
          .then((m) => m.openOutbox(options.outboxName ?? "llmscope-outbox", maxQueueCalls))
          .catch((e) => void fail(e));
        g.addEventListener("online", reload);
        reload();
      }
    },
    write(call: LLMCall) {
      try {
        let json: string | undefined = JSON.stringify(call);
        let n = size(json);
        if (n > room) {
          json = shrinkCall(call, room, size);
          if (!json) return void drop(1, "beacon-too-large");
          n = size(json);
        }
        add({ id: call.id, kind: "calls", json, bytes: n });
      } catch (e) {
        fail(e);
      }
    },
    feedback(callId: string, fb: Feedback) {
      const json = JSON.stringify({ callId, score: fb.score, comment: fb.comment, at: fb.at });
      add({ id: `${callId}@${fb.at}`, kind: "feedback", json, bytes: size(json) });
    },
    flush(o?: BeaconFlushOptions) {
      const p = run();
      o?.waitUntil?.(p);
      return p;
    },
    queued: () => ({ calls: queue.length, bytes }),
  };
}
