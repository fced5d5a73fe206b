// What every script here shares: the workload's prompts (one template, its
// values changing call by call, as an app's prompts do), a helper process
// (the mock, the endpoint) started apart so its work is never charged to a
// variant, the command line's options and the clock every CPU figure reads.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

let n = 0;
/** the next call's messages */
export const messages = () => [
  { role: "system", content: "You are a support agent for Acme. Answer in two sentences, politely, citing the order number." },
  { role: "user", content: `Customer ann${n++}@example.com asks about order #${1000 + n} placed on 2026-11-30: it has not arrived. ${"Context line about the order. ".repeat(20)}` },
];

/** a script of this folder in a process of its own, once it has sent its URL */
export const serve = (file, arg) =>
  new Promise((resolve) => {
    const p = fork(fileURLToPath(new URL(file, import.meta.url)), arg ? [arg] : []);
    p.once("message", (url) => resolve({ url, close: () => p.disconnect() }));
  });

/** the script's `--name=value` options */
export const options = () => Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")));

/** the CPU this process has used so far, user and system, in ms */
export const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
