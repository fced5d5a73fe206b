// A collector on another origin that sends no CORS headers for this page still
// stores what a beacon POSTs (a text/plain body is a simple request), but the
// browser hides its answer: fetch rejects as if the network were down, and
// every retry and every later page load sent the same calls again (65 posts
// for 27 calls). So a TypeError on a cross-origin send is followed by one send
// with mode "no-cors": if that resolves, the collector is reachable and only
// refuses to be read. From then on this sink sends without reading answers
// (an opaque answer counts as delivered; the collector drops repeats by id)
// and says once on the console what to change.

type Send = (mode?: RequestMode) => Promise<Response>;

function crossOrigin(target: string): string | undefined {
  const page = (globalThis as { location?: { origin?: string } }).location?.origin;
  if (!page) return undefined;
  try {
    const origin = new URL(target, page).origin;
    return origin !== page ? origin : undefined;
  } catch {
    return undefined;
  }
}

export function unreadableAnswers(browser: boolean): (target: string, send: Send) => Promise<Response> {
  let opaque = false;
  return async (target, send) => {
    if (opaque) return send("no-cors");
    try {
      return await send();
    } catch (err) {
      const other = browser && err instanceof TypeError ? crossOrigin(target) : undefined;
      if (!other) throw err;
      // rejects again when the network really is down
      const answer = await send("no-cors");
      opaque = true;
      const page = (globalThis as { location?: { origin?: string } }).location?.origin;
      console.warn(
        `llmscope: ${other} stores beacons but does not let ${page} read its answers (no CORS headers for this origin), ` +
          `so calls are now sent without reading them. Start the collector with \`llmscope serve --cors ${page}\`, or serve it from this origin.`,
      );
      return answer;
    }
  };
}
