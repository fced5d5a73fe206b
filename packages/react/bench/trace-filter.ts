// The Traces tab with the replayed requests: a keystroke in its filter to the
// painted result, timed as the call list's search is.
import type { Page } from "playwright-core";

export interface TraceFilterResult {
  latencies: number[];
  rows: number;
  matched: string;
}

export async function measureTraceFilter(page: Page, traces: number, query: string, rounds: number): Promise<TraceFilterResult> {
  await page.getByRole("tab", { name: "Traces" }).click();
  const filter = page.getByRole("searchbox", { name: "Filter requests" });
  await filter.waitFor();
  await page.getByText(`${traces} requests`).waitFor();
  const rows = await page.getByRole("listbox", { name: "Requests" }).getByRole("option").count();
  await page.evaluate(() => ((window as unknown as { latencies: number[] }).latencies = []));
  for (let round = 0; round < rounds; round++) {
    await filter.fill("");
    await filter.pressSequentially(query, { delay: 60 });
    await page.waitForTimeout(100);
  }
  const latencies = await page.evaluate(() => (window as unknown as { latencies: number[] }).latencies);
  const matched = (await page.locator(".shown").first().innerText()).trim();
  return { latencies, rows, matched };
}
