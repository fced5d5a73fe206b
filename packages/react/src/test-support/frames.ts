/** Resolves after the next animation frame has run (the store applies events then). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
