// Browsers and Workers have no process to exit: their builds get this instead
// of flush-before-exit.ts (pages flush on pagehide, Workers through waitUntil).
export function flushBeforeExit(_recorder: { flush(): Promise<void> }, _work: () => number): void {}
