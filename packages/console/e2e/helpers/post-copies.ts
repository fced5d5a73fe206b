// Fills the store to scale: copies of calls real beacons recorded, with new
// ids and times, posted to /v1/calls the way a beacon posts them.
import type { LLMCall } from "@llmscope/core";

export async function postCopies(collectorUrl: string, writeKey: string, templates: LLMCall[], count: number, endAt: number): Promise<void> {
  const BATCH = 200;
  for (let start = 0; start < count; start += BATCH) {
    const calls = Array.from({ length: Math.min(BATCH, count - start) }, (_, i) => {
      const n = start + i;
      const template = templates[n % templates.length]!;
      return { ...template, id: `copy-${n}`, startedAt: endAt - n * 1000, tags: { ...template.tags, userId: `u${n % 5000}` } };
    });
    const res = await fetch(`${collectorUrl}/v1/calls`, { method: "POST", headers: { "content-type": "text/plain", authorization: `Bearer ${writeKey}` }, body: JSON.stringify({ v: 1, sentAt: Date.now(), calls }) });
    if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  }
}
