// Shared by the SDK suites: a recorder with a memory sink, the outcome of an
// SDK call reduced to what an app observes (so runs with and without the
// recorder can be compared), and what each mock scenario must be recorded as.
import { afterEach, expect } from "vitest";
import { createRecorder, memorySink, type ErrorKind, type LLMCall, type RecorderOptions } from "@llmscope/core";

export const FIRST_CHUNK_DELAY = 40;
/** headers asking the mock for a scenario with a known wait before the first chunk */
export const scenarioHeaders = (scenario: string): Record<string, string> => ({
  "x-mock-scenario": scenario,
  "x-mock-first-chunk-delay": String(FIRST_CHUNK_DELAY),
  "x-mock-chunk-delay": "2",
});

export function recording(options: RecorderOptions = {}) {
  const sink = memorySink();
  const recorder = createRecorder({ sinks: [sink], ...options });
  // a failed test must not leave its record to the next one
  afterEach(async () => {
    await recorder.flush();
    sink.clear();
  });
  return {
    sink,
    recorder,
    /** the one call recorded since the last take(), once delivered */
    async take(): Promise<LLMCall> {
      // an app may stop reading at an error event; the record ends when the body does
      for (let i = 0; i < 500 && recorder.stats().inFlight > 0; i++) await new Promise((r) => setTimeout(r, 10));
      await recorder.flush();
      // cleared before asserting, so a failed test leaves nothing to the next
      const calls = sink.calls();
      sink.clear();
      expect(calls).toHaveLength(1);
      return calls[0]!;
    },
  };
}

export interface Outcome {
  text?: string;
  deltas?: string[];
  finish?: unknown;
  toolCalls?: unknown;
  usage?: unknown;
  error?: { name: string; status?: unknown; message: string };
}

/** run an SDK call; a thrown error becomes part of the outcome */
export async function outcome(run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (err) {
    const e = err as Error & { status?: unknown };
    // the mock mints a fresh request id per response, as providers do; everything else must match
    return { error: { name: e.constructor.name, status: e.status, message: e.message.replace(/req_\w+/g, "req_ID") } };
  }
}

/** the error kind each scenario must be recorded with */
export const EXPECTED_KIND: Record<string, ErrorKind | undefined> = {
  normal: undefined,
  tool_call: undefined,
  rate_limit: "rate_limit",
  context_length: "context_length",
  content_filter: "content_filter",
  refusal: "content_filter",
  overloaded: "overloaded",
  auth: "auth",
  server_error: "server",
  network: "network",
  stream_cut: "network",
  blocked: "content_filter",
};

/** what every record must satisfy, whatever the SDK */
export function expectRecord(call: LLMCall, expected: { provider: string; model: string; scenario: string; stream: boolean; got: Outcome; errorKind?: ErrorKind; priced?: boolean }): void {
  const kind = "errorKind" in expected ? expected.errorKind : EXPECTED_KIND[expected.scenario];
  expect(call.provider).toBe(expected.provider);
  expect(call.model).toBe(expected.model);
  expect(call.phase).toBe("done");
  expect(call.prompt.text).toContain("capital of France");
  expect(call.error?.kind).toBe(kind);
  if (expected.scenario === "network") return;
  expect(call.status).toBeGreaterThan(0);
  if (call.status! >= 400) return;
  expect(call.stream).toBe(expected.stream);
  if (expected.got.text !== undefined && !expected.got.error) expect(call.completion.text).toBe(expected.got.text);
  const produced = call.completion.text !== "" || (call.completion.toolCalls?.length ?? 0) > 0;
  if (produced) {
    expect(call.timing.ttftMs).toBeGreaterThanOrEqual(FIRST_CHUNK_DELAY);
    if (expected.stream) expect(call.timing.ttftMs).toBeLessThan(call.timing.durationMs!);
    expect(call.usage.inputTokens).toBeGreaterThan(0);
    expect(call.usage.outputTokens).toBeGreaterThan(0);
    // local models have no price
    if (expected.priced === false) expect(call.cost).toBeUndefined();
    else expect(call.cost?.totalUSD).toBeGreaterThan(0);
  }
  if (expected.stream) expect(call.timing.chunkCount).toBeGreaterThanOrEqual(Math.min(2, expected.got.deltas?.length ?? 1));
}

export const QUESTION = "What is the capital of France?";
