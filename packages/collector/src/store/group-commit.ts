// Group commit: batches that arrive while the event loop is busy (several
// clients posting at once) are stored in one transaction instead of one each.
// A commit writes every page it touched to the WAL, and the pages shared by
// concurrent batches (index tails, each user's index leaf, rollup and token
// window rows) are written once per group rather than once per batch. Every
// caller still resolves only after the commit that holds its batch.
//
// If a grouped transaction fails, nothing of it was stored, and each batch is
// retried in a transaction of its own, so one bad batch cannot fail the others.

export interface GroupCommitOptions<B> {
  /** stop adding batches to a group once it holds this many items */
  maxItems: number;
  /**
   * while batches are arriving concurrently (the last group held more than
   * one), wait this long for the other clients' next batches before committing;
   * a lone client never waits. Default 1 ms.
   */
  gatherMs?: number;
  sizeOf: (batch: B) => number;
}

interface Pending<B, R> {
  batch: B;
  resolve: (r: R) => void;
  reject: (err: unknown) => void;
}

/**
 * `runGroup` stores several batches in one transaction and returns one result
 * per batch, in order. The returned function queues a batch and resolves with
 * its result after the commit.
 */
export function createGroupCommit<B, R>(runGroup: (batches: B[]) => R[], options: GroupCommitOptions<B>): (batch: B) => Promise<R> {
  let queue: Pending<B, R>[] = [];
  let scheduled = false;
  let lastGroupSize = 0;
  const gatherMs = options.gatherMs ?? 1;

  function takeGroup(): Pending<B, R>[] {
    let items = 0;
    let n = 0;
    while (n < queue.length && (n === 0 || items + options.sizeOf(queue[n]!.batch) <= options.maxItems)) items += options.sizeOf(queue[n++]!.batch);
    const group = queue.slice(0, n);
    queue = queue.slice(n);
    return group;
  }

  function flush(): void {
    scheduled = false;
    const group = takeGroup();
    lastGroupSize = group.length;
    if (queue.length) schedule();
    try {
      const results = runGroup(group.map((p) => p.batch));
      group.forEach((p, i) => p.resolve(results[i]!));
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err);
      for (const p of group) {
        try {
          p.resolve(runGroup([p.batch])[0]!);
        } catch (own) {
          p.reject(own);
        }
      }
    }
  }

  function schedule(): void {
    scheduled = true;
    // At least until the I/O callbacks of this loop turn have run, so requests
    // whose bodies arrived together are queued before the group is committed.
    // Under concurrent load the clients answered by the last commit send their
    // next batches within a millisecond or so; waiting for them makes groups
    // of all the clients instead of alternating large and lone ones.
    if (lastGroupSize > 1 && gatherMs > 0) setTimeout(flush, gatherMs);
    else setImmediate(flush);
  }

  return (batch) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ batch, resolve, reject });
      if (!scheduled) schedule();
    });
}
