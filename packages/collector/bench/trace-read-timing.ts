// Times one GET over HTTP on 127.0.0.1 against the collector's own handler
// (as `llmscope serve` runs it, alerts off): the median and p95 of the wall
// time, and the CPU this process spent per request (server and client alike),
// which other load on a shared machine does not inflate as it does wall time.
import { createCollector } from "../src/handler/create-collector.ts";
import { serve } from "../src/node/serve.ts";
import type { CallStore } from "../src/store/call-store.ts";

export interface Timing {
  median: number;
  p95: number;
  max: number;
  /** median CPU ms of this process per request */
  cpuMs: number;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export function serveForReads(store: CallStore) {
  return serve({ handler: createCollector({ store, alerts: false, limits: { rateLimit: false } }), port: 0, host: "127.0.0.1" });
}

/** after three warm-up requests, `runs` in a row; `check` sees each answer's body */
export async function timeRequests(url: string, path: string, check: (body: unknown) => void, runs = 41): Promise<Timing> {
  const once = async () => {
    const res = await fetch(url + path);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    check(await res.json());
  };
  for (let i = 0; i < 3; i++) await once();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [t0, c0] = [performance.now(), cpuNow()];
    await once();
    wall.push(performance.now() - t0);
    cpu.push(cpuNow() - c0);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: at(wall, 0.5), p95: at(wall, 0.95), max: wall[wall.length - 1]!, cpuMs: at(cpu, 0.5) };
}
