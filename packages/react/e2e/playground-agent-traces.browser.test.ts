// The playground's agent scenario as a developer sees it in the overlay: one
// click, one request in the Traces tab, its waterfall agreeing with the trace
// the recorder stored.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Trace } from "@llmscope/core";
import { openPlayground, type PlaygroundSession } from "../../../playground/e2e/playground-page.ts";
import { formatMs } from "../src/panel/format.ts";

const shots = fileURLToPath(new URL("../../../test-results/", import.meta.url));

let s: PlaygroundSession;

beforeAll(async () => {
  s = await openPlayground();
  await mkdir(shots, { recursive: true });
});

afterAll(() => s?.close());

/** the finished trace as the recorder handed it to its subscribers */
function recordedTrace(page: PlaygroundSession["page"], id: string): Promise<Trace | undefined> {
  return page.evaluate(
    (traceId) =>
      new Promise<Trace | undefined>((resolve, reject) => {
        const open = indexedDB.open("llmscope");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction("traces").objectStore("traces").get(traceId);
          read.onsuccess = () => (open.result.close(), resolve(read.result as Trace | undefined));
          read.onerror = () => reject(read.error);
        };
      }),
    id,
  );
}

it("the agent scenario's request shows in the Traces tab with its steps in order and the recorder's summary", async () => {
  const { page } = s;
  await page.click("[data-action=agent]");
  await page.locator(".agent [data-summary]").waitFor({ timeout: 30_000 });
  const traceId = (await page.locator(".agent").getAttribute("data-trace-id"))!;
  await expect.poll(() => recordedTrace(page, traceId), { timeout: 15_000 }).toBeDefined();
  const trace = (await recordedTrace(page, traceId))!;
  const sum = trace.summary!;

  const panel = page.getByRole("complementary", { name: "LLM devtools" });
  await panel.getByRole("tab", { name: "Traces" }).click();
  const rows = panel.getByRole("listbox", { name: "Requests" }).getByRole("option");
  await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);
  const row = rows.first();
  expect(await row.locator(".t-name").innerText()).toBe("agent: weather and packing");
  expect((await row.locator(".t-r").allInnerTexts()).slice(0, 2)).toEqual([formatMs(trace.durationMs), "2"]);
  expect(await row.getByRole("img").getAttribute("aria-label")).toBe(
    `Time by kind: ${[
      ["LLM", sum.llmMs],
      ["retrieval", sum.retrievalMs],
      ["tool", sum.toolMs],
      ["preprocess", sum.preprocessMs],
      ["http", sum.httpMs],
      ["app's own", sum.selfMs],
    ]
      .filter(([, ms]) => (ms as number) > 0)
      .map(([k, ms]) => `${k} ${formatMs(ms as number)}`)
      .join(", ")}`,
  );

  await row.click();
  const detail = panel.getByRole("article", { name: /^Request agent: weather and packing/ });
  const steps = detail.getByRole("listbox", { name: "Steps of agent: weather and packing" }).getByRole("option");
  const labels = await steps.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  // retrieval, the slow prompt building, the model asking for the weather, the tool, the model answering
  expect(labels.map((l) => l.split(" ")[0])).toEqual(["RET", "PRE", "LLM", "TOOL", "LLM"]);
  expect(labels[0]).toContain("/mock-llm/collections/travel-docs/points/query");
  expect(labels[1]).toContain(`PRE build prompt, starts at +`);
  expect(labels[1]).toContain(`took ${formatMs(trace.steps.find((st) => st.kind === "preprocess")!.durationMs)}`);
  expect(labels[2]).toMatch(/asks for tool get_weather/);
  expect(labels[3]).toMatch(/^TOOL get_weather.*arguments .*result /);
  expect(labels.some((l) => l.includes("repeated"))).toBe(false);
  expect(await detail.getByLabel("Request summary").innerText()).toContain("2 LLM calls");

  await steps.nth(1).hover();
  await expect.poll(() => detail.getByRole("region", { name: "Step figures" }).innerText()).toContain("build prompt");
  await page.screenshot({ path: join(shots, "devtools-playground-agent-trace.png") });
});
