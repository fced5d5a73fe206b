// Feedback for a call not stored yet is parked until the call arrives. A call
// that never arrives must not keep its feedback forever, and a client sending
// feedback for made-up ids must not grow the table without end: parked
// feedback expires once it is maxAgeMs older than the newest parked feedback
// (by `at`, so a backfill of old calls is not expired by the clock) and at most maxRows are kept
// (the oldest go first). Both are enforced at most once a minute, or sooner
// after a burst of parking.
export interface ParkedFeedbackLimits {
  maxRows: number;
  maxAgeMs: number;
}

export const DEFAULT_PARKED_FEEDBACK: ParkedFeedbackLimits = { maxRows: 100_000, maxAgeMs: 7 * 86_400_000 };

const EVERY_MS = 60_000;

/** true when the stores should expire parked feedback now; `parked` is how many were just parked */
export function createExpirySchedule(limits: ParkedFeedbackLimits): (parked: number, now: number) => boolean {
  let lastRun = -Infinity;
  let parkedSince = 0;
  return (parked, now) => {
    parkedSince += parked;
    if (now - lastRun < EVERY_MS && parkedSince < limits.maxRows / 10) return false;
    lastRun = now;
    parkedSince = 0;
    return true;
  };
}
