// A Node script that never calls flush() still delivers what it recorded: the
// recorder flushes when the event loop empties, and a dead endpoint does not
// keep the process alive past the bounded exit flush.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("./fixtures/exit-without-flush.ts", import.meta.url));
const CORE = fileURLToPath(new URL("../", import.meta.url));

let mock: MockLLMServer;
let collector: Server;
let received: { model?: string }[] = [];
let collectorUrl = "";

beforeAll(async () => {
  mock = await startMockLLM();
  collector = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push(...(JSON.parse(body) as { calls: { model?: string }[] }).calls);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => collector.listen(0, "127.0.0.1", r));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/calls`;
});
afterAll(async () => {
  await mock.close();
  await new Promise((r) => collector.close(r));
});

function runScript(sinkUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@llmscope/source", SCRIPT], {
      cwd: CORE,
      env: { ...process.env, SINK_URL: sinkUrl, LLM_URL: mock.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("a Node process that exits without flush()", () => {
  it("delivers the call it recorded", async () => {
    received = [];
    const r = await runScript(collectorUrl);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^answered 200/);
    expect(received).toHaveLength(1);
    expect(received[0]!.model).toBe("gpt-4o-mini");
  });

  it("still exits when the endpoint is down", async () => {
    // a port that was just free: nothing listens there
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const r = await runScript(`http://127.0.0.1:${port}/v1/calls`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^answered 200/);
  });
});
