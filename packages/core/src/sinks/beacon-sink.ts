// Delivers finished calls to a collector in versioned envelopes (see
// envelope.ts). Browser: fetch with keepalive while the page is visible (so a
// failure is known and retried); navigator.sendBeacon once it is hidden or
// going away; unsent batches wait in IndexedDB for `online` or the next page
// load. Workers and Node: the original fetch, kept alive through `waitUntil`.
import type { Trace } from "../trace/types.ts";
import type { Feedback, LLMCall, Sink, SinkContext } from "../types.ts";
import type { BeaconItem, Outbox } from "./beacon-outbox.ts";
import { serializeCall, utf8Bytes } from "./beacon-shrink.ts";
import { serializeTrace } from "./beacon-trace.ts";
import { ENVELOPE_VERSION } from "./envelope.ts";
import { unreadableAnswers } from "./unreadable-answers.ts";

export type { BeaconItem };

type Compact = typeof import("./beacon-compact.ts");

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

export function beaconSink(options: BeaconSinkOptions): BeaconSink {
  const g = globalThis as any;
  const browser = !!(g.document && g.navigator?.sendBeacon);
  const {
    url,
    feedbackUrl = url.replace(/\/calls$/, "") + "/feedback",
    writeKey,
    maxBatchCalls = browser ? 50 : 500,
    maxPayloadBytes = browser ? 61_440 : 512 << 10,
    bodies = false,
    compress = true,
    maxQueueCalls = 1000,
    maxQueueBytes = 4 << 20,
    flushIntervalMs = 1000,
    timeoutMs = 10_000,
    retry: { baseMs = 500, maxMs = 30_000, attempts = 4 } = {},
    waitUntil,
    persist = true,
    outboxName = "llmscope-outbox",
  } = options;
  const readAcross = unreadableAnswers(browser);
  const key = writeKey ? `,"writeKey":${JSON.stringify(writeKey)}` : "";
  // room for the items inside {"v":1,"sentAt":<13 digits><key>,"feedback":[…]}
  const room = maxPayloadBytes - 48 - utf8Bytes(key);

  let ctx: SinkContext | undefined;
  let queue: BeaconItem[] = [];
  // queued or in flight: an outbox reload must not add a second copy
  const ids = new Set<string>();
  let timer: any;
  let pump: Promise<void> | undefined;
  // browsers only; resolves to undefined where there is no IndexedDB
  let outbox: Promise<Outbox | undefined> | undefined;
  // outside browsers, loaded with the first readable answer: gzip and slim calls
  let compact: Compact | undefined;
  let compactLoad: Promise<Compact | undefined> | undefined;
  const loadCompact = () => (compactLoad ??= import("#beacon-compact").then((m: Compact) => (compact = m), () => undefined));
  // the collector's last readable answer said it reads gzip
  let gzipOk = false;
  // the collector's last readable answer said it rebuilds prompt.text: calls written from then on leave it out
  let slimOk = false;

  const fail = (e: unknown) => void ctx?.error(e);
  const drop = (n: number, reason: string) => n > 0 && ctx?.drop(n, reason);
  const sum = (items: BeaconItem[]) => items.reduce((n, i) => n + i.bytes, 0);
  const release = (items: BeaconItem[]) => items.forEach((i) => ids.delete(i.id));

  /** add to the queue (retries at the front), dropping the oldest beyond its bounds */
  const enqueue = (items: BeaconItem[], front?: boolean) => {
    queue = front ? items.concat(queue) : queue.concat(items);
    let lost = 0;
    for (let bytes = sum(queue); queue.length > maxQueueCalls || bytes > maxQueueBytes; ) {
      const old = queue.shift()!;
      bytes -= old.bytes;
      release([old]);
      // a stored call is still in the outbox, so it is not lost
      if (!old.stored) lost++;
    }
    drop(lost, "beacon-queue-full");
  };
  /** the longest head of list, of one kind, that fits one envelope; removed from list */
  const take = (list: BeaconItem[]) => {
    let n = 0;
    for (let total = 0; n < list.length && n < maxBatchCalls && list[n]!.kind == list[0]!.kind; n++) {
      total += list[n]!.bytes + 1;
      if (total > room && n) break;
    }
    return list.splice(0, n);
  };

  // The one place browsers and servers differ: a page going away hands the
  // body to sendBeacon (falling back to a keepalive fetch when it refuses);
  // otherwise a fetch, aborted after timeoutMs. A string body goes as
  // text/plain, a simple request with no CORS preflight. Resolves with the
  // HTTP status, 0 for a network error or a timeout.
  const post = async (target: string, body: string, beacon?: boolean): Promise<number> => {
    try {
      if (beacon && g.navigator.sendBeacon(target, body)) return 200;
      // gzipOk is never set in browsers: there a Content-Encoding header would cost a CORS preflight
      const zipped = gzipOk ? await compact!.gzip(body).catch(() => void (gzipOk = false)) : undefined;
      // keepalive lets the send outlive the page
      const send = (mode?: RequestMode) =>
        (ctx?.fetch ?? fetch)(target, {
          method: "POST", body: zipped ?? body, keepalive: browser, signal: AbortSignal.timeout(timeoutMs),
          ...(zipped ? { headers: compact!.GZIP_HEADERS } : {}), ...(mode ? { mode } : {}),
        });
      const res = await readAcross(target, send);
      res.body?.cancel().catch(() => {});
      // an opaque answer: the collector took the request, and this page may not read what it said
      if (res.type == "opaque") return 200;
      const { status } = res;
      // a compressed batch refused (another collector behind the same URL, one that predates gzip): plain from now on, and this batch again
      const refused = !!zipped && status > 399 && status < 500 && status != 408 && status != 429;
      const c = browser ? undefined : await loadCompact();
      const offered = !refused && compress && !!c?.acceptsGzip(res.headers);
      // a process's first CompressionStream loads the runtime's compressor (~75 ms of CPU in Node without its zlib): paid once, as gzip is offered, not by a later batch's send
      if (offered && !gzipOk) void c!.gzip("").catch(() => (gzipOk = false));
      gzipOk = offered;
      slimOk = !!c?.rebuildsPromptText(res.headers);
      return refused ? post(target, body, beacon) : status;
    } catch {
      return 0;
    }
  };
  /** send one batch and settle it; true when it failed in a way worth retrying (it is back at the front of the queue) */
  const send = async (batch: BeaconItem[], beacon?: boolean) => {
    const kind = batch[0]!.kind;
    // traces ride in a calls envelope beside no calls: a collector that predates them reads an empty batch
    const body = `{"v":${ENVELOPE_VERSION},"sentAt":${Date.now()}${key},${kind == "traces" ? '"calls":[],' : ""}"${kind}":[${batch.map((i) => i.json).join(",")}]}`;
    const status = await post(kind == "feedback" ? feedbackUrl : url, body, beacon);
    // calls without prompt.text refused by a collector that no longer says it rebuilds it (an older one now behind the URL): sent again whole
    if (status > 399 && status < 500 && status != 408 && status != 429 && !slimOk && compact && batch.some((i) => i.slim)) return send(batch.map(compact.withPromptText), beacon);
    const box = await outbox;
    // network errors, timeouts, 408, 429 and 5xx may pass; other 4xx will not
    if (!status || status == 408 || status == 429 || status > 499) {
      // kept in the outbox too, in case the page goes away before the retry
      box?.keep(batch);
      enqueue(batch, true);
      return true;
    }
    // A stored call stays claimed until the outbox has forgotten it: an outbox
    // read begun before the removal (an `online` reload) would otherwise hand
    // it back as unsent, and it would go out twice.
    const removed = box?.done(batch);
    if (removed) void removed.then(() => release(batch));
    else release(batch);
    if (status > 299) drop(batch.length, "beacon-rejected");
    return false;
  };

  const loop = async () => {
    for (let fails = 0; queue.length; ) {
      if (!(await send(take(queue)))) fails = 0;
      else if (fails++ < attempts) {
        // exponential backoff, each wait 50–100 % of baseMs·2ⁿ, capped
        await new Promise((wake) => setTimeout(wake, Math.min(maxMs, baseMs * 2 ** (fails - 1)) * (0.5 + Math.random() / 2)));
      } else {
        // the endpoint is down: with an outbox everything waits there for
        // `online` or the next page load; without one, the batch is lost
        const box = await outbox;
        const gone = box ? queue.splice(0) : take(queue);
        if (box) box.keep(gone);
        else drop(gone.length, "beacon-failed");
        return release(gone);
      }
    }
  };
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pump) {
      pump = loop().catch(fail).finally(() => (pump = undefined));
      waitUntil?.(pump);
    }
    return pump;
  };
  const add = (item: BeaconItem) => {
    if (ids.has(item.id)) return;
    ids.add(item.id);
    enqueue([item]);
    // a running pump takes it; a full batch goes now, else it waits a while for company
    if (pump || (timer && queue.length < maxBatchCalls)) return;
    clearTimeout(timer);
    timer = setTimeout(run, queue.length < maxBatchCalls ? flushIntervalMs : 0);
    timer.unref?.();
  };
  // the page may be going away: hand never-tried calls to sendBeacon now
  const hide = () => {
    const fresh = queue.filter((i) => !i.stored);
    queue = queue.filter((i) => i.stored);
    while (fresh.length) void send(take(fresh), true);
  };

  return {
    name: "beacon",
    attach(c) {
      ctx = c;
      // the context resolves relative URLs against the page
      c.ignore(url);
      c.ignore(feedbackUrl);
      if (!browser) return;
      g.document.addEventListener("visibilitychange", () => g.document.hidden && hide());
      g.addEventListener("pagehide", hide);
      if (persist && g.indexedDB) {
        // "#beacon-outbox" is ./beacon-outbox.ts, or nothing in Workers builds (see no-outbox.ts);
        // it hands back what earlier pages left unsent, now and on `online`
        outbox = import("#beacon-outbox")
          .then((m) => m.openOutbox(outboxName, maxQueueCalls, c, (items: BeaconItem[]) => (items.forEach(add), run())))
          .catch(fail);
      }
    },
    write(call: LLMCall) {
      try {
        const fit = serializeCall(call, room, bodies, slimOk ? compact?.textIsRebuilt : undefined);
        if (fit) add({ id: call.id, kind: "calls", ...fit });
        else drop(1, "beacon-too-large");
      } catch (e) {
        fail(e);
      }
    },
    writeTrace(trace: Trace) {
      try {
        // room for `"calls":[],` beside the traces
        const fit = serializeTrace(trace, room - 11);
        if (fit) add({ id: `trace:${trace.id}@${trace.startedAt}`, kind: "traces", ...fit });
        else drop(1, "beacon-too-large");
      } catch (e) {
        fail(e);
      }
    },
    feedback(callId: string, { score, comment, at }: Feedback) {
      const json = JSON.stringify({ callId, score, comment, at });
      add({ id: `${callId}@${at}`, kind: "feedback", json, bytes: utf8Bytes(json) });
    },
    flush(o?: BeaconFlushOptions) {
      const p = run();
      o?.waitUntil?.(p);
      return p;
    },
    queued: () => ({ calls: queue.length, bytes: sum(queue) }),
  };
}
