// What bare fetch costs a Node process once an AsyncLocalStorage store has
// been entered (the first trace, step or withTags does that): Node 20's
// AsyncLocalStorage turns on promise hooks for the whole process, which then
// run for every promise, undici's too. Run in a fresh process per side
// (traces.ts forks it, "plain" and "entered" in turn), since the hooks stay on
// once they are. Prints, as JSON, this process's CPU µs and wall ms per
// loopback GET over 5,000 requests after 3,000 of warm-up.
import { AsyncLocalStorage } from "node:async_hooks";
import { startServer } from "./loopback.ts";

const server = await startServer("bare");
try {
  const url = `${new URL(server.url).origin}/search`;
  if (process.argv[2] === "entered") new AsyncLocalStorage().run({}, () => undefined);
  const get = async () => void (await (await fetch(url)).arrayBuffer());
  for (let i = 0; i < 3000; i++) await get();
  const N = 5000;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await get();
  const { user, system } = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ cpuUs: (user + system) / N, wallMs: (performance.now() - t0) / N }));
} finally {
  server.close();
}
