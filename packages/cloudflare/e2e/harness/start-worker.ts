// Runs a bundled Worker in the real Workers runtime (workerd) through
// programmatic Miniflare. Everything it reaches is on 127.0.0.1.
import type { Readable } from "node:stream";
import { Miniflare, type MiniflareOptions } from "miniflare";

export const COMPATIBILITY_DATE = "2026-04-20";

export interface WorkerUnderTest {
  readonly mf: Miniflare;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** what workerd printed to stderr (uncaught errors, console.error) */
  readonly stderr: string;
  /** what workerd printed to stdout (console.log) */
  readonly stdout: string;
  dispose(): Promise<void>;
}

export interface StartWorkerOptions {
  script: string;
  compatibilityFlags?: string[];
  bindings?: Record<string, unknown>;
  serviceBindings?: MiniflareOptions["serviceBindings"];
  /** Vectorize bindings: workerd's own client, sending to a remote endpoint (see vectorize-remote.ts) */
  vectorize?: Record<string, { index_name: string; remoteProxyConnectionString: URL }>;
}

export async function startWorker(options: StartWorkerOptions): Promise<WorkerUnderTest> {
  let stdout = "";
  let stderr = "";
  const mf = new Miniflare({
    modules: [{ type: "ESModule", path: "worker.mjs", contents: options.script }],
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: options.compatibilityFlags ?? ["nodejs_compat"],
    cf: false,
    bindings: options.bindings as MiniflareOptions["bindings"],
    serviceBindings: options.serviceBindings,
    ...(options.vectorize ? { vectorize: options.vectorize as never } : {}),
    handleRuntimeStdio(out: Readable, err: Readable) {
      out.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
      err.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    },
  });
  try {
    await mf.ready;
  } catch (err) {
    await mf.dispose().catch(() => {});
    throw Object.assign(new Error(`worker failed to start: ${(err as Error).message}\n${stderr}`), { stderr });
  }
  return {
    mf,
    fetch: (path, init) => mf.dispatchFetch(`http://worker.test${path}`, init as never) as unknown as Promise<Response>,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    dispose: () => mf.dispose(),
  };
}
