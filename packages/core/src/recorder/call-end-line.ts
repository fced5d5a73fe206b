// The line that work needing the call-end chunk waits in (#call-end-line in
// browser and Node builds; Workers link the chunk in, see call-end-eager.ts):
// calls' ends, steps' ends and traces' closes run in the order they came, once
// the chunk has loaded (its load begins when recording starts, so the first
// calls rarely wait), or without it (call-without-chunk.ts) when it cannot load
// (counted as an internal error) or the page hides first.
//
// Once it is at hand, calls' ends are gathered and run together: due GATHER.ms
// after the first, at once when GATHER.calls wait, on flush() and when the page
// hides; never while someone subscribes, who gets each event as it happens. The
// same code run for many calls in a row costs less than run once between the
// SDK's and the HTTP client's code, which pushes it out of the processor's
// caches (in the peer benchmark's warm process, memorySink 0.34 -> 0.05 ms a
// call and beaconSink 0.36 -> 0.22 in one run, with a JSON answer's end in the
// line too; see BENCHMARKS.md). Bounded in time and in size: a record reaches
// its sinks at most GATHER.ms late, and no task runs more than GATHER.calls.
import { callEndNow, loadCallEnd, withoutCallEnd, type CallEnd } from "./call-end-lazy.ts";

export type { CallEnd };

export const GATHER = { ms: 20, calls: 32 };

export interface CallEndLine {
  /** begins loading the chunk, so the first call rarely waits for it */
  preload(): void;
  /** runs use with the chunk, after everything that already waits */
  whenCallEnd(use: (callEnd: CallEnd) => void): void;
  /** runs what waits now, with the chunk if it is at hand, else, when the page is hiding, without it */
  runNow(hiding?: boolean): void;
}

/** fault counts what throws; track hands flush() the chunk's load; live says whether someone subscribes */
export function callEndLine(fault: () => void, track: (work: Promise<unknown>) => void, live: () => boolean): CallEndLine {
  const waiting: ((callEnd: CallEnd) => void)[] = [];
  // the gathering's timer, cleared once what it waits for has run: the next gathering is due GATHER.ms after its own first
  let due: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  const run = (callEnd: CallEnd) => {
    clearTimeout(due);
    running = true;
    // work added meanwhile (a call's end behind its start, a trace closed by its last call's end) joins this run
    for (let use; (use = waiting.shift()); ) {
      try {
        use(callEnd);
      } catch {
        fault();
      }
    }
    running = false;
  };
  const runNow = (hiding?: boolean) => {
    const callEnd = callEndNow() ?? (hiding ? withoutCallEnd : undefined);
    if (callEnd) run(callEnd);
  };
  return {
    preload: () => void loadCallEnd().catch(() => undefined),
    runNow,
    whenCallEnd(use) {
      const loaded = callEndNow();
      const count = waiting.push(use);
      if (running) return;
      if (loaded) {
        // a subscriber gets each event as it happens, and what was gathered before it came first
        if (count >= GATHER.calls || live()) run(loaded);
        else if (count == 1) {
          // a timer that never keeps a process alive: a flush (the exit's too, flush-before-exit.ts) runs what waits
          due = setTimeout(() => runNow(), GATHER.ms);
          (due as { unref?(): void }).unref?.();
        }
      } else if (count == 1)
        track(
          loadCallEnd().then(run, () => {
            fault();
            run(withoutCallEnd);
          }),
        );
    },
  };
}
