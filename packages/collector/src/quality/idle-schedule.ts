// When the evaluation loop may run: as soon as ingest has been quiet for
// idleMs, and under sustained ingest only so often that evaluation takes at
// most `busyShare` of the time (a slice that took t ms waits t × (1/share − 1)).
export interface IdleSchedule {
  /** ingest or feedback happened */
  touch(): void;
  /** ms to wait before the next slice may run (0: run now) */
  waitMs(): number;
  /** a slice took this long */
  ran(ms: number): void;
}

export function createIdleSchedule(idleMs: number, busyShare: number, now: () => number = () => performance.now()): IdleSchedule {
  let lastActivity = -Infinity;
  let nextBusySlice = -Infinity;
  return {
    touch: () => void (lastActivity = now()),
    waitMs() {
      const t = now();
      const quietIn = lastActivity + idleMs - t;
      const busyIn = nextBusySlice - t;
      return Math.max(0, Math.min(quietIn, busyIn));
    },
    ran(ms) {
      // requests that arrived while the slice held the event loop have not
      // touched the schedule yet: the quiet period starts over after a slice
      lastActivity = now();
      nextBusySlice = lastActivity + ms * (1 / busyShare - 1);
    },
  };
}
