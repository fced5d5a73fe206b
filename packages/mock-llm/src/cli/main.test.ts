// The command as a real child process: help, bad options, and a server that lists its endpoints.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
const children: ChildProcess[] = [];

function run(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@llmscope/source", MAIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (c) => (stdout += c));
  child.stderr!.on("data", (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

function listening(p: ReturnType<typeof run>): Promise<string> {
  return new Promise((resolve, reject) => {
    p.child.stdout!.on("data", () => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(p.out());
      if (m) resolve(m[1]!);
    });
    p.exited.then((code) => reject(new Error(`exited ${code}: ${p.err()}`)));
  });
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGTERM");
});

describe("llmscope-mock", () => {
  it("--help prints the options and exits 0", async () => {
    const p = run(["--help"]);
    expect(await p.exited).toBe(0);
    expect(p.out()).toContain("Usage: llmscope-mock");
    expect(p.out()).toContain("--port <n>");
  });

  it("rejects an unknown option or scenario with a usage error (exit 2)", async () => {
    const bad = run(["--nope"]);
    expect(await bad.exited).toBe(2);
    expect(bad.err()).toContain("--nope");
    const scenario = run(["--scenario", "wat"]);
    expect(await scenario.exited).toBe(2);
    expect(scenario.err()).toContain('unknown scenario "wat"');
    const port = run(["--port", "99999"]);
    expect(await port.exited).toBe(2);
    expect(port.err()).toContain("--port must be a whole number from 0 to 65535");
  });

  it("serves on 127.0.0.1, lists its endpoints at GET /, answers, and stops on SIGTERM", async () => {
    const p = run(["--port", "0", "--first-chunk-delay", "0", "--scenario", "tool_call"]);
    const url = await listening(p);
    const index = await fetch(`${url}/`);
    expect(index.headers.get("content-type")).toBe("application/json");
    const text = await index.text();
    expect(text).toContain('\n  "endpoints": [');
    expect(JSON.parse(text).endpoints.map((e: { path: string }) => e.path)).toContain("/collections/{collection}/points/search");
    const html = await fetch(`${url}/`, { headers: { accept: "text/html" } });
    expect(await html.text()).toContain("<td>POST /v1/chat/completions</td>");
    const chat = await fetch(`${url}/v1/chat/completions`, { method: "POST", body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }) });
    expect((await chat.json()).choices[0].finish_reason).toBe("tool_calls");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });

  it("says which port is taken", async () => {
    const first = run(["--port", "0"]);
    const port = new URL(await listening(first)).port;
    const second = run(["--port", port]);
    expect(await second.exited).toBe(1);
    expect(second.err()).toContain(`port ${port} is in use`);
  });
});
