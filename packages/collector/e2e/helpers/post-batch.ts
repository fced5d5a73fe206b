import type { LLMCall } from "@llmscope/core";

/** POSTs one beacon envelope to a collector and answers its status, with the body drained */
export async function postBatch(url: string, key: string, batch: LLMCall[]): Promise<number> {
  const res = await fetch(`${url}/v1/calls`, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: JSON.stringify({ v: 1, sentAt: 0, calls: batch }) });
  await res.arrayBuffer();
  return res.status;
}
