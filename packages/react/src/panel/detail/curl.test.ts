// The cURL command is pasted into a shell: run it through a real bash (with
// curl stubbed to print its arguments) and check that recorded data, method
// included, arrives as arguments and never runs as a command.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import { toCurl } from "./curl.ts";

const call = (patch: Partial<LLMCall>): LLMCall =>
  ({ provider: "openai", method: "POST", url: "https://api.openai.com/v1/chat/completions", request: { headers: { "content-type": "application/json" }, body: '{"a":"it\'s"}' }, ...patch }) as LLMCall;

function argsInBash(command: string): string[] {
  const out = execFileSync("bash", ["-c", `curl() { printf '%s\\0' "$@"; }\n${command}`], { encoding: "utf8" });
  return out.split("\0").slice(0, -1);
}

describe("toCurl", () => {
  it("passes a hostile method, URL, header and body to curl as plain arguments", () => {
    const dir = mkdtempSync(join(tmpdir(), "llmscope-curl-"));
    const marker = join(dir, "ran");
    try {
      const hostile = call({
        method: `POST; touch ${marker}`,
        url: `https://api.openai.com/v1/chat/completions?x=$(touch ${marker})`,
        request: { headers: { "x-note": `'; touch ${marker}; '` }, body: `{"q":"\`touch ${marker}\`"}` },
      });
      const args = argsInBash(toCurl(hostile));
      expect(existsSync(marker)).toBe(false);
      expect(args.slice(0, 2)).toEqual(["-X", `POST; touch ${marker}`]);
      expect(args).toContain(`x-note: '; touch ${marker}; '`);
      expect(args[args.length - 1]).toBe(`{"q":"\`touch ${marker}\`"}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps a plain method readable", () => {
    expect(toCurl(call({ method: "POST" }))).toMatch(/^curl -X POST 'https:/);
  });
});
