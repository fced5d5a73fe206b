// Work the app does not need before it gets its Response (parsing what the
// request asked, the start event, reading a JSON body's copy) runs in a later
// task, so the request leaves and the Response arrives with the least added
// work in between. One timer serves every job queued meanwhile.
const jobs: (() => void)[] = [];

function runJobs(): void {
  for (const job of jobs.splice(0)) job();
}

/** resolves in a later task (not a microtask: those run before the app's own continuations) */
export function later(): Promise<void> {
  return new Promise((resolve) => {
    if (jobs.push(resolve) === 1) setTimeout(runJobs, 0);
  });
}
