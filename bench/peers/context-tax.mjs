// What a process-wide context costs calls that record nothing: the OTel-based
// peers (their context manager) and LangSmith keep one in AsyncLocalStorage,
// which on Node 20 runs async hooks on every promise of the process once it
// is in use, so in the peer table's column measured beside the bare SDK in one
// process, the bare side pays it too and the column leaves it out. `node context-tax.mjs
// [--calls=150] [--pairs=40] [--warm=2000]`: the bare openai SDK in blocks
// taking turns, each call inside `AsyncLocalStorage.run` as an OTel span's
// context is, or with no storage in use (`disable()`); prints the median of
// the pairs' CPU per call, with the storage over without.
import { AsyncLocalStorage } from "node:async_hooks";
import { client } from "./variants/openai.mjs";
import { cpuMs, messages, options, serve } from "./workload.mjs";

const args = options();
const calls = Number(args.calls ?? 150);
const pairs = Number(args.pairs ?? 40);
const warm = Number(args.warm ?? 2000);
const mock = await serve("mock-server.mjs");
const openai = client(mock.url);
const storage = new AsyncLocalStorage();
const ask = () => openai.chat.completions.create({ model: "gpt-4o-mini", temperature: 0.2, messages: messages() });
const block = async (withStorage) => {
  if (!withStorage) storage.disable();
  const c0 = cpuMs();
  for (let i = 0; i < calls; i++) await (withStorage ? storage.run({ span: i }, ask) : ask());
  return (cpuMs() - c0) / calls;
};
for (let i = 0; i < warm; i += calls) await block(true), await block(false);
const added = [];
for (let p = 0; p < pairs; p++) {
  const [on, off] = p % 2 ? [await block(true), await block(false)] : [await block(false), await block(true)].reverse();
  added.push(on - off);
}
mock.close();
added.sort((a, b) => a - b);
console.log(`${pairs} pairs of ${calls} calls after ${warm}: AsyncLocalStorage in use adds ${added[pairs >> 1].toFixed(3)} ms of CPU a call (middle half ${added[pairs >> 2].toFixed(3)} to ${added[(3 * pairs) >> 2].toFixed(3)})`);
