// A copy of llmscope's build with part of a call's recording left out, to
// measure what that part costs beside the whole in one run:
// `node stub-build.mjs [--dist=<a build's dist>] [--leave=insight|ending|all]`
// prints the copy's dist, for `blocks.mjs --dists=<the build>,<the copy>`. The
// copy stays in the system's temporary folder for the run that uses it.
//   insight: the call-end chunk only delivers. The request is not read (no
//            URL or headers kept, no prompt, no parameters), no fingerprint
//            is taken, no error classified, no price looked up, no secret
//            scrubbed.
//   ending:  that, and a JSON answer, once seen and its turn in the call-end
//            line come, is neither parsed nor ended nor delivered.
//   all:     a JSON answer is only watched (the app's read seen), nothing
//            waits for it: what is left is the app's own path.
// The copy is made by replacing lines of the built files; a build whose lines
// have changed is refused, not measured half-stubbed.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { options } from "./workload.mjs";

const args = options();
const dist = args.dist ?? fileURLToPath(new URL("../../packages/core/dist", import.meta.url));
const leave = args.leave ?? "insight";
const LEVELS = ["insight", "ending", "all"];
if (!LEVELS.includes(leave)) throw new Error(`--leave takes ${LEVELS.join(", ")}`);

const copy = mkdtempSync(join(tmpdir(), `llmscope-without-${leave}-`));
// the package's "imports" map (#call-end and the other runtime-chosen modules) comes with its package.json
cpSync(join(dist, "..", "package.json"), join(copy, "package.json"));
cpSync(dist, join(copy, "dist"), { recursive: true });
writeFileSync(
  join(copy, "dist", "recorder", "call-end.js"),
  `export { classifyError } from "../errors/classify.js";
export const readCallRequest = () => false;
export const fingerprintPrompt = () => "";
export const safeHeaders = () => ({});
export const finishCall = (outlet, call) => { call.phase = "done"; outlet.deliver(call); };
`,
);

/** inserts `code` after the line of live-call.js that `anchor` matches */
const liveCall = join(copy, "dist", "recorder", "live-call.js");
const after = (anchor, code) => {
  const text = readFileSync(liveCall, "utf8");
  if (!anchor.test(text)) throw new Error(`live-call.js has no line matching ${anchor}: this build differs from the one this script knows`);
  writeFileSync(liveCall, text.replace(anchor, (line) => `${line} ${code}`));
};
if (leave != "insight") after(/core\.whenCallEnd\(\(\) => \{\n\s*let signals = \{ status: response\.status \};/, "return;");
// a tick that never comes: the watch never reads a clone for us
if (leave == "all") after(/const observeJSON = \(response\) => \{/, "watchBody(response, () => {}, new Promise(() => {})); stats.inFlight--; return;");
console.log(join(copy, "dist"));
