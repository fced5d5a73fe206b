// A stand-in for the env.AI binding, for tests: Miniflare cannot run Workers AI
// offline. Answers like the real binding: a result object, an SSE stream of
// `{ response }` events when `stream: true`, or a thrown Error.

export interface FakeRun {
  model: string;
  inputs: Record<string, unknown>;
}

export const FAKE_USAGE = { prompt_tokens: 11, completion_tokens: 4, total_tokens: 15 };

export function fakeAIBinding() {
  const runs: FakeRun[] = [];
  const encoder = new TextEncoder();
  return {
    runs,
    /** another binding method, to prove the rest of the binding passes through */
    async models() {
      return [{ name: "@cf/meta/llama-3.1-8b-instruct" }];
    },
    async run(model: string, inputs: Record<string, unknown>): Promise<unknown> {
      runs.push({ model, inputs });
      if (model.includes("missing")) throw new Error("5007: No such model @cf/missing/model or task");
      if (model.includes("busy")) throw new Error("3040: Capacity temporarily exceeded, please try again.");
      if (model.includes("bge")) return { shape: [1, 3], data: [[0.1, 0.2, 0.3]] };
      if (model.includes("image")) return new ReadableStream({ start: (c) => (c.enqueue(new Uint8Array([0x89, 0x50, 0x4e, 0x47])), c.close()) });
      const words = ["The ", "answer ", "is ", "42."];
      if (inputs.stream !== true) return { response: words.join(""), usage: FAKE_USAGE };
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const word = words.shift();
          if (word !== undefined) controller.enqueue(encoder.encode(`data: ${JSON.stringify({ response: word, p: "abcdef" })}\n\n`));
          else {
            controller.enqueue(encoder.encode(`data: ${JSON.stringify({ response: "", usage: FAKE_USAGE })}\n\ndata: [DONE]\n\n`));
            controller.close();
          }
        },
      });
    },
  };
}
