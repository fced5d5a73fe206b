// Request traces in the console, in Debian's Chromium against a real
// `llmscope serve` (the built CLI, SQLite) fed by core's real recorder:
// recorder.trace / recorder.step around real calls to the mock LLM.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { formatMs, formatUSD } from "@llmscope/react/views";
import { launchChromium } from "../../react/e2e/browser.ts";
import { startServe, type ServeProcess } from "./helpers/start-serve.ts";
import { HOSTILE_PROMPT } from "./helpers/record-traffic.ts";
import { recordQuickTraces, recordTraces, SUPPORT_QUESTIONS, type RecordedTraces } from "./helpers/record-traces.ts";

const READ_KEY = "traces-read-key";
const WRITE_KEY = "traces-write-key";
const SHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));

let serve: ServeProcess;
let recorded: RecordedTraces;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

const traceRows = () => page.getByRole("table", { name: "Traces" }).locator("tbody tr");

async function searchTraces(fields: Record<string, string>, hasError = false): Promise<void> {
  await page.goto(`${serve.url}/#/traces`);
  const form = page.getByRole("form", { name: "Search traces" });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  if (hasError) {
    // by keyboard: Space ticks the box, Enter in a field submits the form
    await form.getByLabel("Has an error").focus();
    await page.keyboard.press("Space");
  }
  await form.getByLabel("Trace name", { exact: true }).focus();
  await page.keyboard.press("Enter");
  // the rows shown are those of this search once the page says so
  const expected = new URLSearchParams(Object.entries(fields).map(([label, value]) => [FIELD_NAMES[label]!, value]));
  if (hasError) expected.set("hasError", "true");
  await page.locator(`section[aria-label=Traces][data-shown-for="${expected.toString()}"]`).waitFor();
}

/** the traces form's labels and the URL parameters they write */
const FIELD_NAMES: Record<string, string> = { Feature: "feature", "Minimum duration (ms)": "minDurationMs", "Text in the trace or its calls": "q" };

async function readApi<T>(path: string): Promise<T> {
  const res = await fetch(`${serve.url}${path}`, { headers: { authorization: `Bearer ${READ_KEY}` } });
  return (await res.json()) as T;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  serve = await startServe(READ_KEY, WRITE_KEY);
  recorded = await recordTraces(serve.url, WRITE_KEY);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
  await page.addInitScript((key) => sessionStorage.setItem("llmscope-console:read-key", key), READ_KEY);
});

afterAll(async () => {
  await browser?.close();
  await serve?.close();
});

describe("request traces in the console", () => {
  it("recorded what the pages are checked against", () => {
    expect(recorded.traces.map((t) => t.name).sort()).toEqual(["answer-question", "answer-question", "answer-question", "small-talk"]);
    expect(recorded.calls.filter((c) => c.traceId)).toHaveLength(7);
  });

  it("lists every trace with its figures and a time-by-kind bar, and filters by feature, minimum duration and error", async () => {
    await searchTraces({});
    expect(await traceRows().count()).toBe(4);
    const newest = [...recorded.traces].sort((a, b) => b.startedAt - a.startedAt)[0]!;
    const first = traceRows().first();
    expect(await first.locator("td").nth(0).innerText()).toBe(newest.name);
    expect(await first.locator("td").nth(4).innerText()).toBe(formatMs(newest.durationMs));
    expect(await first.locator("td").nth(7).innerText()).toBe(formatUSD(newest.summary!.costUSD));
    const supportBar = traceRows().filter({ hasText: "answer-question" }).first().getByRole("img");
    expect(await supportBar.getAttribute("aria-label")).toMatch(/^Time of answer-question: LLM \d.*, retrieval \d.*, tool \d.*, preprocess \d.*, app's own \d/);
    expect(await supportBar.locator(".time-seg").count()).toBe(5);
    await page.screenshot({ path: `${SHOTS}traces.png`, fullPage: true });

    await searchTraces({ Feature: "support-agent" });
    expect(await traceRows().count()).toBe(3);
    expect(page.url()).toContain("feature=support-agent");
    const shortest = Math.min(...recorded.traces.filter((t) => t.name === "answer-question").map((t) => t.durationMs!));
    await searchTraces({ "Minimum duration (ms)": String(Math.floor(shortest)) });
    expect(await traceRows().count()).toBe(3);
    // text in the trace record: the failed tool step's error message
    await searchTraces({ "Text in the trace or its calls": "Order Service unavailable" });
    expect(await traceRows().count()).toBe(1);
    await searchTraces({}, true);
    expect(await traceRows().count()).toBe(1);
    // the row shows the collector's error count for the trace whose tool step failed
    const failed = recorded.traces.find((t) => t.steps.some((s) => s.error))!;
    expect(await traceRows().first().getByRole("link").getAttribute("href")).toBe(`#/traces/${failed.id}`);
    const listed = (await readApi<{ traces: { errors: number }[] }>("/v1/traces?hasError=true")).traces;
    expect(listed[0]!.errors).toBeGreaterThan(0);
    expect(await traceRows().first().locator("td").nth(8).innerText()).toBe(String(listed[0]!.errors));
  });

  it("draws a trace's waterfall: steps and calls nested on one axis, each call's phases, figures per row and in total", async () => {
    const trace = [...recorded.traces].filter((t) => t.name === "answer-question").sort((a, b) => a.startedAt - b.startedAt)[0]!;
    await page.goto(`${serve.url}/#/traces?feature=support-agent`);
    // keyboard: the trace's link opens it with Enter
    const link = page.getByRole("link", { name: "answer-question" }).last();
    await link.focus();
    await page.keyboard.press("Enter");
    const view = page.getByRole("article", { name: "Trace answer-question" });
    await view.waitFor();
    expect(page.url()).toContain(`#/traces/${trace.id}`);

    const rows = view.getByRole("table", { name: "Waterfall" }).locator("tbody tr");
    const names = await rows.locator("td:first-child").allInnerTexts();
    expect(names.map((n) => n.replace(/\s+/g, " ").trim())).toEqual(["vector-search", "build-prompt", expect.stringContaining("gpt-4o-mini"), "resolve-order", "lookup_order", expect.stringContaining("gpt-4o-mini")]);
    // nested: the tool and the second call are indented under the agent step, which carries that call's cost
    const indent = (i: number) => rows.nth(i).locator("td").first().evaluate((td) => parseFloat(getComputedStyle(td).paddingLeft));
    expect(await indent(4)).toBeGreaterThan(await indent(3));
    expect(await indent(5)).toBe(await indent(4));
    const [, second] = recorded.calls.filter((c) => c.traceId === trace.id).sort((a, b) => a.startedAt - b.startedAt);
    expect(await rows.nth(3).locator("td").last().innerText()).toBe(formatUSD(second!.cost!.totalUSD));
    // a streamed call: its wait, its first token and its streaming, left to right
    const call = rows.nth(2);
    const phases = await Promise.all(["ph-wait", "ph-think", "ph-stream"].map((c) => call.locator(`.${c}`).boundingBox()));
    expect(phases.every(Boolean)).toBe(true);
    expect(phases[0]!.x + phases[0]!.width).toBeLessThanOrEqual(phases[1]!.x + 1);
    expect(phases[1]!.x + phases[1]!.width).toBeLessThanOrEqual(phases[2]!.x + 1);
    // one axis: the retrieval ends before the preprocessing begins, which ends before the call
    const [search, build] = await Promise.all([rows.nth(0).locator(".wf-bar").boundingBox(), rows.nth(1).locator(".wf-bar").boundingBox()]);
    expect(search!.x + search!.width).toBeLessThanOrEqual(build!.x + 1);
    expect(build!.x + build!.width).toBeLessThanOrEqual(phases[0]!.x + 1);
    const callCost = recorded.calls.find((c) => c.traceId === trace.id)!.cost!.totalUSD;
    expect(await call.locator("td").last().innerText()).toBe(formatUSD(callCost));
    expect(await view.locator("tfoot td").last().innerText()).toBe(formatUSD(trace.summary!.costUSD));
    const timeTable = view.getByRole("table", { name: "Time by kind" });
    expect(await timeTable.locator("th").allInnerTexts()).toEqual(["LLM", "retrieval", "tool", "preprocess", "app's own"]);
    expect(await timeTable.locator("tr").first().locator("td").first().innerText()).toBe(formatMs(trace.summary!.llmMs));
    await page.screenshot({ path: `${SHOTS}trace-waterfall.png`, fullPage: true });

    await call.getByRole("link").click();
    const callId = recorded.calls.filter((c) => c.traceId === trace.id).sort((a, b) => a.startedAt - b.startedAt)[0]!.id;
    await page.getByRole("article", { name: `Call ${callId}` }).waitFor();
    await page.getByRole("link", { name: "Its trace" }).click();
    await view.waitFor();
  });

  it("replays the support conversation turn by turn with its totals, hostile text as text", async () => {
    await page.goto(`${serve.url}/#/sessions`);
    const sessions = page.getByRole("table", { name: "Sessions" }).locator("tbody tr");
    await sessions.nth(1).waitFor();
    expect(await sessions.count()).toBe(2);
    await sessions.filter({ hasText: "u42" }).getByRole("link").click();
    const view = page.getByRole("article", { name: `Session ${recorded.supportSession}` });
    await view.waitFor();
    const turns = view.getByRole("list", { name: "Turns" }).getByRole("listitem");
    expect(await turns.count()).toBe(3);
    const supportTraces = recorded.traces.filter((t) => t.sessionId === recorded.supportSession).sort((a, b) => a.startedAt - b.startedAt);
    for (const [i, question] of SUPPORT_QUESTIONS.entries()) {
      const turn = turns.nth(i);
      expect(await turn.locator(".message-user").innerText()).toContain(question);
      const last = recorded.calls.filter((c) => c.traceId === supportTraces[i]!.id).sort((a, b) => b.startedAt - a.startedAt)[0]!;
      expect(await turn.locator(".message-assistant .turn-text").innerText()).toBe(last.completion.text);
      expect(await turn.locator(".turn-figures").innerText()).toContain(formatUSD(supportTraces[i]!.summary!.costUSD));
    }
    const total = supportTraces.reduce((sum, t) => sum + t.summary!.costUSD, 0);
    expect(Number(await view.locator("[data-cost-usd]").getAttribute("data-cost-usd"))).toBeCloseTo(total, 9);
    expect(await view.innerText()).toContain(HOSTILE_PROMPT);
    expect(await view.locator("img, script").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    await page.screenshot({ path: `${SHOTS}session.png`, fullPage: true });
  });

  it("shows where each feature's requests spend their time on the latency page", async () => {
    await page.goto(`${serve.url}/#/latency`);
    const table = page.getByRole("table", { name: "Time by kind per feature" });
    await table.waitFor();
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(2);
    const support = rows.filter({ hasText: "support-agent" });
    expect(await support.locator("td").nth(1).innerText()).toBe("3");
    const bars = support.getByRole("img");
    expect(await bars.count()).toBe(2);
    expect(await bars.first().getAttribute("aria-label")).toMatch(/^p50 of support-agent: LLM \d.*retrieval \d/);
    const [p50, p95] = await Promise.all([bars.first().locator(".time-seg").first().boundingBox(), bars.last().locator(".time-seg").first().boundingBox()]);
    expect(p95!.width).toBeGreaterThanOrEqual(p50!.width);
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}latency-breakdown.png`, fullPage: true });
  });

  it("pages through many traces by cursor", async () => {
    await recordQuickTraces(serve.url, WRITE_KEY, 60);
    await page.goto(`${serve.url}/#/traces?name=health-check`);
    const status = page.getByRole("status").filter({ hasText: "traces shown" });
    await status.filter({ hasText: "50 traces shown, more stored" }).waitFor();
    expect(await traceRows().count()).toBe(50);
    await page.getByRole("button", { name: "More traces" }).click();
    await status.filter({ hasText: /^60 traces shown$/ }).waitFor();
    expect(await traceRows().count()).toBe(60);
    expect(new Set(await traceRows().locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).size).toBe(60);
    expect(await page.getByRole("button", { name: "More traces" }).count()).toBe(0);
  });

  it("shows a trace whose record never arrived from the calls that carry its id", async () => {
    const template = recorded.traces.find((t) => t.name === "answer-question")!;
    const lost = "0123456789abcdef0123456789abcdef";
    const calls = recorded.calls.filter((c) => c.traceId === template.id).map((c, i) => ({ ...c, id: `lost-trace-call-${i}`, traceId: lost }));
    expect(calls).toHaveLength(2);
    const res = await fetch(`${serve.url}/v1/calls`, { method: "POST", headers: { "content-type": "text/plain", authorization: `Bearer ${WRITE_KEY}` }, body: JSON.stringify({ v: 1, sentAt: Date.now(), calls }) });
    expect(res.status).toBe(200);
    await page.goto(`${serve.url}/#/traces/${lost}`);
    const view = page.getByRole("article", { name: `Trace ${lost}` });
    await view.waitFor();
    expect(await view.getByRole("note").innerText()).toBe("The trace record has not arrived (yet): its 2 calls are shown on their own.");
    const rows = view.getByRole("table", { name: "Waterfall" }).locator("tbody tr");
    const names = await rows.locator("td:first-child").allInnerTexts();
    expect(names.map((n) => n.replace(/\s+/g, " ").trim())).toEqual([expect.stringContaining("gpt-4o-mini"), expect.stringContaining("gpt-4o-mini")]);
    expect(await view.locator("tfoot td").last().innerText()).toBe(formatUSD(calls.reduce((sum, c) => sum + c.cost!.totalUSD, 0)));
  });
});
