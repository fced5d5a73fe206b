import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PanelActions } from "./panel-actions.tsx";
import { createPrefsStore } from "../host/prefs.ts";
import { renderWithStore } from "../test-support/render-with-store.tsx";
import { startRealSetup, type RealSetup } from "../test-support/real-calls.ts";
import { makeTrace } from "../test-support/make-trace.ts";
import { upsertTraces } from "../store/trace-store.ts";

let real: RealSetup;
beforeAll(async () => {
  real = await startRealSetup();
});
afterAll(() => real.close());

// jsdom has no Blob URLs; record what would be downloaded instead of navigating
const downloads: { name: string; blob: Blob }[] = [];
const blobs = new Map<string, Blob>();
URL.createObjectURL = (blob: Blob) => {
  const url = `blob:test/${blobs.size}`;
  blobs.set(url, blob as Blob);
  return url;
};
URL.revokeObjectURL = () => {};
const onClick = (event: MouseEvent) => {
  const anchor = event.target as HTMLAnchorElement;
  if (anchor.tagName !== "A") return;
  event.preventDefault();
  downloads.push({ name: anchor.download, blob: blobs.get(anchor.href)! });
};
beforeAll(() => document.addEventListener("click", onClick));
afterAll(() => document.removeEventListener("click", onClick));
afterEach(() => {
  downloads.length = 0;
});

function setup(calls: Awaited<ReturnType<RealSetup["chat"]>>[]) {
  const prefs = createPrefsStore("actions-test", true);
  return renderWithStore(<PanelActions prefs={prefs} onClose={() => {}} />, calls, real.recorder);
}

describe("panel actions", () => {
  it("exports the kept calls as NDJSON, one parseable call per line", async () => {
    const user = userEvent.setup();
    const calls = [await real.chat("first"), await real.chat("second")];
    setup(calls);
    await user.click(screen.getByRole("button", { name: "Export NDJSON" }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/^llmscope-real-session-.*\.ndjson$/);
    const lines = (await downloads[0]!.blob.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((c) => c.id)).toEqual(calls.map((c) => c.id));
    expect(lines[1].prompt.text).toContain("second");
  });

  it("exports JSON with the session id", async () => {
    const user = userEvent.setup();
    const call = await real.chat("json please");
    setup([call]);
    await user.click(screen.getByRole("button", { name: "JSON" }));
    await vi.waitFor(() => expect(downloads).toHaveLength(1));
    const doc = JSON.parse(await downloads[0]!.blob.text());
    expect(doc).toMatchObject({ sessionId: "real-session", count: 1 });
    expect(doc.calls[0].id).toBe(call.id);
  });

  it("pauses and resumes capture in the recorder", async () => {
    const user = userEvent.setup();
    setup([]);
    await user.click(screen.getByRole("button", { name: /pause/i }));
    expect(real.recorder.paused).toBe(true);
    expect(screen.getByRole("button", { name: /resume/i })).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByRole("button", { name: /resume/i }));
    expect(real.recorder.paused).toBe(false);
  });

  it("clears the devtools' calls and traces", async () => {
    const user = userEvent.setup();
    const { store, traces } = setup([await real.chat("to be cleared")]);
    upsertTraces(traces, [makeTrace({ startedAt: Date.now() - 1000 })], 10);
    expect(store.getState().ids).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Clear" }));
    expect(store.getState().ids).toHaveLength(0);
    expect(traces.getState().ids).toHaveLength(0);
    expect(store.getState().errorCount).toBe(0);
  });
});
