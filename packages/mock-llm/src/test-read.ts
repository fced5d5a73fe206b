// Test-only helpers (excluded from the build): read a mock response the way a client would.

export interface SseMessage {
  event?: string;
  data: string;
}

export function parseSse(text: string): SseMessage[] {
  const messages: SseMessage[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    if (block.trim() === "") continue;
    const message: SseMessage = { data: "" };
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith("event: ")) message.event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    message.data = data.join("\n");
    messages.push(message);
  }
  return messages;
}

export async function readSse(response: Response): Promise<SseMessage[]> {
  return parseSse(await response.text());
}

/** JSON payloads of a data-only SSE stream, without the `[DONE]` sentinel. */
export async function readSseJson<T = any>(response: Response): Promise<T[]> {
  return (await readSse(response)).filter((m) => m.data !== "[DONE]").map((m) => JSON.parse(m.data) as T);
}

/** Reads a body chunk by chunk; `error` is set when the body failed instead of ending. */
export async function readChunks(response: Response): Promise<{ chunks: string[]; error?: unknown }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { chunks };
      chunks.push(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    return { chunks, error };
  }
}

export function jsonRequest(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://mock.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}
