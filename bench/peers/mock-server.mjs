// The provider, in a process of its own so its work is never charged to a
// variant: the workspace's mock LLM server speaking OpenAI's wire format, with
// no delay before or between chunks. Its URL goes to the parent.
const { startMockLLM } = await import(new URL("../../packages/mock-llm/dist/node.js", import.meta.url).href);

const mock = await startMockLLM({ firstChunkDelayMs: 0, chunkDelayMs: 0, jitterMs: 0 });
process.on("disconnect", () => process.exit(0));
process.send(mock.url);
