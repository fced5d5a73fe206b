// Delivers finished calls to a collector in versioned envelopes (see
// envelope.ts). Browser: fetch with keepalive while the page is visible (so a
// failure is known and retried); navigator.sendBeacon once it is hidden or
// going away; unsent batches wait in IndexedDB for `online` or the next page
// load. Workers and Node: the original fetch, kept alive through `waitUntil`.
import type { Trace } from "../trace/types.ts";
import type { Feedback, LLMCall, SinkContext } from "../types.ts";
import type { BeaconFlushOptions, BeaconSink, BeaconSinkOptions } from "./beacon-options.ts";
import type { BeaconItem, Outbox } from "./beacon-outbox.ts";
// "#beacon-page" is ./beacon-page.ts, or nothing in Workers builds (see no-page.ts)
import { watchPage } from "#beacon-page";
import { serializeCall, utf8Bytes } from "./beacon-shrink.ts";
import { serializeTrace } from "./beacon-trace.ts";
import { ENVELOPE_VERSION } from "./envelope.ts";
// "#load-beacon-compact" is ./load-beacon-compact.ts, or a static lean one in Workers builds (see beacon-compact-worker.ts)
import { compactNow, loadCompact } from "#load-beacon-compact";
// "#unreadable-answers" is ./unreadable-answers.ts, or a plain send in Workers builds (see answers-read.ts)
import { unreadableAnswers } from "#unreadable-answers";

export type { BeaconItem };

/** what a compressed body goes with: still a text body to the collector once inflated */
const GZIPPED = { "content-type": "text/plain;charset=UTF-8", "content-encoding": "gzip" };

export type { BeaconFlushOptions, BeaconRetryOptions, BeaconSink, BeaconSinkOptions } from "./beacon-options.ts";

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
  // the queue's serialized bytes, kept as it changes (summing it on every call was a walk of the queue per call)
  let queuedBytes = 0;
  // queued or in flight: an outbox reload must not add a second copy
  const ids = new Set<string>();
  let timer: any;
  // a flush is waiting: the pump sends everything before it stops
  let draining = false;
  let pump: Promise<void> | undefined;
  // browsers only; resolves to undefined where there is no IndexedDB
  let outbox: Promise<Outbox | undefined> | undefined;
  // the collector's last readable answer said it reads gzip
  let gzipOk = false;
  // the collector's last readable answer said it rebuilds prompt.text: calls written from then on leave it out
  let slimOk = false;

  const fail = (e: unknown) => void ctx?.error(e);
  const drop = (n: number, reason: string) => n > 0 && ctx?.drop(n, reason);
  const sum = (items: BeaconItem[]) => items.reduce((n, i) => n + i.bytes, 0);
  const release = (items: BeaconItem[]) => items.forEach((i) => ids.delete(i.id));
  // network errors, timeouts, 408, 429 and 5xx may pass; other 4xx will not
  const passing = (status: number) => !status || status == 408 || status == 429 || status > 499;

  /** add to the queue (retries at the front), dropping the oldest beyond its bounds */
  const enqueue = (items: BeaconItem[], front?: boolean) => {
    if (front) queue = items.concat(queue);
    // at most one batch: a spread is safe
    else queue.push(...items);
    queuedBytes += sum(items);
    let lost = 0;
    while (queue.length > maxQueueCalls || queuedBytes > maxQueueBytes) {
      const old = queue.shift()!;
      queuedBytes -= old.bytes;
      ids.delete(old.id);
      // a stored call is still in the outbox, so it is not lost
      if (!old.stored) lost++;
    }
    drop(lost, "beacon-queue-full");
  };
  /** the longest head of list, of one kind, that fits one envelope (or all of it); removed from list */
  const take = (list: BeaconItem[], all?: boolean) => {
    let n = all ? list.length : 0;
    for (let total = 0; n < list.length && n < maxBatchCalls && list[n]!.kind == list[0]!.kind; n++) {
      total += list[n]!.bytes + 1;
      if (total > room && n) break;
    }
    const taken = list.splice(0, n);
    if (list === queue) queuedBytes -= sum(taken);
    return taken;
  };

  // The one place browsers and servers differ: a page going away hands the
  // body to sendBeacon (falling back to a keepalive fetch when it refuses);
  // otherwise a fetch, aborted after timeoutMs. A string body goes as
  // text/plain, a simple request with no CORS preflight. Resolves with the
  // HTTP status, 0 for a network error or a timeout.
  // The body comes as its pieces: a gzipped one is encoded from them at once (see gzip-body.ts), a plain one joined.
  const post = async (target: string, body: string[], beacon?: boolean): Promise<number> => {
    try {
      if (beacon && g.navigator.sendBeacon(target, body.join(""))) return 200;
      // gzipOk is never set in browsers: there a Content-Encoding header would cost a CORS preflight
      const zipped = gzipOk ? await compactNow()!.gzip(body).catch(() => void (gzipOk = false)) : undefined;
      // keepalive lets the send outlive the page
      const send = (mode?: RequestMode) =>
        (ctx?.fetch ?? fetch)(target, {
          method: "POST", body: zipped ?? body.join(""), keepalive: browser, signal: AbortSignal.timeout(timeoutMs),
          // undefined members of a RequestInit count as absent
          headers: zipped && GZIPPED, mode,
        });
      const res = await readAcross(target, send);
      res.body?.cancel().catch(() => {});
      // an opaque answer: the collector took the request, and this page may not read what it said
      if (res.type == "opaque") return 200;
      const { status } = res;
      // a compressed batch refused (another collector behind the same URL, one that predates gzip): plain from now on, and this batch again
      const refused = !!zipped && status > 399 && !passing(status);
      const c = browser ? undefined : await loadCompact();
      const offered = !refused && compress && !!c?.acceptsGzip(res.headers);
      // a process's first CompressionStream loads the runtime's compressor (~75 ms of CPU in Node without its zlib): paid once, as gzip is offered, not by a later batch's send
      if (offered && !gzipOk) void c!.gzip([]).catch(() => (gzipOk = false));
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
    const body = [`{"v":${ENVELOPE_VERSION},"sentAt":${Date.now()}${key},${kind == "traces" ? '"calls":[],' : ""}"${kind}":[`, ...batch.flatMap((i) => [i.json, ","])];
    body[body.length - 1] = "]}";
    const status = await post(kind == "feedback" ? feedbackUrl : url, body, beacon);
    // calls without prompt.text refused by a collector that no longer says it rebuilds it (an older one now behind the URL): sent again whole
    const c = compactNow();
    if (status > 399 && !passing(status) && !slimOk && c && batch.some((i) => i.slim)) return send(batch.map(c.withPromptText), beacon);
    const box = await outbox;
    if (passing(status)) {
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

  const waiting = () => queue;
  // A pump sends what was due when it began (it waited its interval), full
  // batches, and everything once flushed; calls that come while it sends wait
  // their own interval for company. Sending them at once, a few at a time,
  // cost a post per dozen calls under steady traffic where one per interval does.
  const loop = async () => {
    for (let fails = 0, due = queue.length; queue.length; ) {
      if (!draining && due <= 0 && queue.length < maxBatchCalls) return wait(flushIntervalMs);
      const batch = take(queue);
      if (!(await send(batch))) {
        fails = 0;
        due -= batch.length;
      } else if (fails++ < attempts) {
        // what waits meanwhile is kept deflated (outside browsers, which keep it in the outbox)
        if (!browser) void loadCompact().then((c) => c?.chillWaiting(waiting));
        // exponential backoff, each wait 50–100 % of baseMs·2ⁿ, capped
        await new Promise((wake) => setTimeout(wake, Math.min(maxMs, baseMs * 2 ** (fails - 1)) * (0.5 + Math.random() / 2)));
      } else {
        // the endpoint is down: with an outbox everything waits there for
        // `online` or the next page load; without one, the batch is lost
        const box = await outbox;
        const gone = box ? take(queue, true) : take(queue);
        if (box) box.keep(gone);
        else drop(gone.length, "beacon-failed");
        return release(gone);
      }
    }
  };
  const wait = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
    timer.unref?.();
  };
  const drain = () => {
    draining = true;
    return run();
  };
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pump) {
      pump = loop()
        .catch(fail)
        .finally(() => {
          pump = undefined;
          draining = false;
        });
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
    wait(queue.length < maxBatchCalls ? flushIntervalMs : 0);
  };
  // the page may be going away: hand never-tried calls to sendBeacon now
  const hide = () => {
    const fresh = queue.filter((i) => !i.stored);
    queue = queue.filter((i) => i.stored);
    queuedBytes = sum(queue);
    while (fresh.length) void send(take(fresh), true);
  };

  return {
    name: "beacon",
    attach(c) {
      ctx = c;
      // the context resolves relative URLs against the page
      c.ignore(url);
      c.ignore(feedbackUrl);
      if (browser)
        outbox = watchPage(c, hide, persist ? outboxName : undefined, maxQueueCalls, (items: BeaconItem[]) => (items.forEach(add), run()));
    },
    write(call: LLMCall) {
      try {
        const fit = serializeCall(call, room, bodies, slimOk ? compactNow()?.textIsRebuilt : undefined);
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
      // after a pump under way (it may have decided to stop), one that sends everything
      const p = pump ? pump.then(drain) : drain();
      o?.waitUntil?.(p);
      return p;
    },
    queued: () => ({ calls: queue.length, bytes: queuedBytes }),
  };
}
