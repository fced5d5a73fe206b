// A Node script that ends without `await recorder.flush()` would exit with its
// last calls still queued: the beacon's batch timer is unref'd on purpose (a
// recorder must never keep an app alive), so nothing holds the process open for
// it. When the event loop empties, each recorder with calls it has not yet
// flushed for the exit gets one flush, bounded by a timer, after which the
// process ends as it would have. One process listener serves every recorder;
// it holds them weakly, so short-lived recorders (tests) are not kept alive.

interface Flushable {
  flush(): Promise<void>;
}

interface Owed {
  /** grows with every call recorded; a flush is owed when it moved since the last one */
  work: () => number;
  flushedAt: number;
}

interface NodeProcess {
  versions?: { node?: string };
  on?(event: "beforeExit", listener: () => void): unknown;
}

/** the longest a process waits at exit for its recorders to deliver */
export const EXIT_FLUSH_MS = 3_000;

const recorders = new Set<WeakRef<Flushable>>();
const owedBy = new WeakMap<Flushable, Owed>();
let listening = false;

function onBeforeExit(): void {
  const owed: Promise<void>[] = [];
  for (const ref of recorders) {
    const recorder = ref.deref();
    if (!recorder) {
      recorders.delete(ref);
      continue;
    }
    const state = owedBy.get(recorder)!;
    const work = state.work();
    if (work === state.flushedAt) continue;
    state.flushedAt = work;
    owed.push(recorder.flush().catch(() => {}));
  }
  if (!owed.length) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // this timer is what keeps the process alive while the flush runs; it is cleared as soon as the flush ends
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, EXIT_FLUSH_MS)));
  void Promise.race([Promise.all(owed), deadline]).then(() => clearTimeout(timer));
}

/** flush this recorder when a Node-like process is about to exit on its own; a no-op elsewhere */
export function flushBeforeExit(recorder: Flushable, work: () => number): void {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (typeof proc?.versions?.node !== "string" || typeof proc.on !== "function" || typeof WeakRef !== "function") return;
  if (recorders.size >= 1024) for (const ref of recorders) if (!ref.deref()) recorders.delete(ref);
  recorders.add(new WeakRef(recorder));
  owedBy.set(recorder, { work, flushedAt: work() });
  if (!listening) {
    listening = true;
    proc.on("beforeExit", onBeforeExit);
  }
}
