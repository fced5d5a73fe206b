// Stored strings carrying terminal escape sequences (clear screen, OSC 52
// clipboard write, a C1 CSI) reach `llmscope report` and `export` as visible
// escapes, never as control bytes; the JSON outputs still parse to the stored text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import { tempDbPath } from "../src/testing/temp-db.ts";
import { makeCall } from "../src/testing/make-call.ts";
import { runCli } from "./helpers/run-cli.ts";

const DAY = Date.UTC(2026, 2, 10, 12);
const CLEAR = "\u001b[2J\u001b[H";
const CLIPBOARD = "\u001b]52;c;ZXZpbA==\u0007";
const C1_CSI = "\u009b31m";
const CONTROL_BYTES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
let tmp: ReturnType<typeof tempDbPath>;

beforeAll(async () => {
  tmp = tempDbPath();
  const store = new SqliteStore(tmp.path);
  await store.ingest([makeCall({ startedAt: DAY, promptText: `${CLIPBOARD}Where is my order?${C1_CSI}`, tags: { department: `sales${CLEAR}`, feature: "chat", userId: `u${C1_CSI}` }, model: `gpt${CLEAR}` })], DAY);
  await store.close();
});
afterAll(() => tmp.cleanup());

describe("terminal output of stored strings", () => {
  it("prints the report with control characters escaped", async () => {
    const r = await runCli(["report", "--db", tmp.path, "--from", "2026-03-01", "--to", "2026-04-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL_BYTES);
    expect(r.stdout).toContain("sales\\u001b[2J\\u001b[H");
    expect(r.stdout).toContain("\\u009b31m");
  });

  it("keeps --json and export parseable, with the stored text intact", async () => {
    const json = await runCli(["report", "--db", tmp.path, "--from", "2026-03-01", "--to", "2026-04-01", "--json"]);
    expect(json.stdout).not.toMatch(CONTROL_BYTES);
    expect(JSON.parse(json.stdout).byUser[0].key).toBe(`u${C1_CSI}`);
    const exported = await runCli(["export", "--db", tmp.path]);
    expect(exported.stdout).not.toMatch(CONTROL_BYTES);
    expect(JSON.parse(exported.stdout.trim()).prompt.text).toBe(`${CLIPBOARD}Where is my order?${C1_CSI}`);
  });
});
