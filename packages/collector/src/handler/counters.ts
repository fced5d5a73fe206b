// Every call the collector receives ends up in exactly one of these buckets, so
// nothing is dropped without a number going up. Served at GET /v1/health.
export interface CollectorCounters {
  batches: number;
  callsReceived: number;
  callsInserted: number;
  callsDuplicate: number;
  /** calls in batches refused with a 400 */
  callsRejected: number;
  /** calls stored with at least one text field cut to its cap */
  callsTruncated: number;
  /** traces in accepted batches, stored and already stored (retries) */
  tracesReceived: number;
  tracesInserted: number;
  tracesDuplicate: number;
  /** traces in batches refused with a 400 */
  tracesRejected: number;
  feedbackApplied: number;
  feedbackPending: number;
  rejectedByReason: Record<string, number>;
  alertsFired: number;
  alertErrors: number;
  webhookFailures: number;
  storageErrors: number;
}

export function createCounters(): CollectorCounters {
  return {
    batches: 0, callsReceived: 0, callsInserted: 0, callsDuplicate: 0, callsRejected: 0, callsTruncated: 0,
    tracesReceived: 0, tracesInserted: 0, tracesDuplicate: 0, tracesRejected: 0, feedbackApplied: 0, feedbackPending: 0, rejectedByReason: {}, alertsFired: 0, alertErrors: 0,
    webhookFailures: 0, storageErrors: 0,
  };
}

export function countRejection(c: CollectorCounters, reason: string): void {
  c.rejectedByReason[reason] = (c.rejectedByReason[reason] ?? 0) + 1;
}
