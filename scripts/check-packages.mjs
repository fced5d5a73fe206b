// The packages as a user gets them, not as the workspace sees them: each one
// packed with `pnpm pack` (after `pnpm build`), checked by publint and
// are-the-types-wrong, then every tarball installed with npm into a fresh app,
// where each entry point is imported, the types are checked with skipLibCheck
// off, and a Node script records a call that `llmscope serve` stores without
// the script calling flush(). Part of `pnpm test`; `node scripts/check-packages.mjs`
// runs it alone.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");
const PACKAGES = ["core", "react", "cloudflare", "collector", "console", "mock-llm"];
/** what a fresh Vite + React + TypeScript app on Node 20 has beside our packages */
const APP_DEPS = ["react@19.3.1", "react-dom@19.3.1", "@types/react@19.3.0", "@types/react-dom@19.3.0", "@types/node@20.19.43", "typescript@5.9.3", "vite@8.3.8"];

const work = mkdtempSync(join(tmpdir(), "llmscope-packed-"));
const problems = [];
const started = Date.now();
const step = (m) => console.log(`\n▸ ${m} (at ${((Date.now() - started) / 1000).toFixed(0)} s)`);
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...opts });

// node-gyp builds better-sqlite3 when no prebuilt binary can be downloaded; it
// finds Node's headers beside the running binary only when told (see the README)
const headers = resolve(dirname(process.execPath), "..");
const npmEnv = {
  ...process.env,
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
  ...(existsSync(join(headers, "include", "node", "node_version.h")) ? { npm_config_nodedir: headers } : {}),
};

try {
  step("pnpm pack");
  const tarballs = {};
  for (const name of PACKAGES) {
    const dir = join(ROOT, "packages", name);
    run("pnpm", ["pack", "--pack-destination", work], { cwd: dir });
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = readdirSync(work).find((f) => f === `${manifest.name.replace("@", "").replace("/", "-")}-${manifest.version}.tgz`);
    if (!file) throw new Error(`pnpm pack left no tarball for ${manifest.name}`);
    tarballs[name] = join(work, file);
    const listing = run("tar", ["tzf", tarballs[name]]).split("\n").filter(Boolean);
    const leaked = listing.filter((f) => /\.test\.|\/src\/|test-setup|\/e2e\//.test(f));
    if (leaked.length) problems.push(`${manifest.name} ships ${leaked.length} source or test files, e.g. ${leaked[0]}`);
    if (!listing.includes("package/LICENSE")) problems.push(`${manifest.name} ships no LICENSE`);
    console.log(`  ${file}: ${listing.length} files`);
  }

  step("publint and are-the-types-wrong");
  for (const [name, file] of Object.entries(tarballs)) {
    const bytes = readFileSync(file);
    const { messages, pkg } = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) }, level: "warning", strict: true });
    for (const m of messages) problems.push(`publint ${name}: ${formatMessage(m, pkg)}`);
    if (name === "console") continue; // static files only: no entry point to type
    try {
      run(join(ROOT, "node_modules", ".bin", "attw"), [file, "--profile", "esm-only", "--format", "ascii", "--no-emoji", "--no-color"]);
    } catch (err) {
      problems.push(`are-the-types-wrong ${name}:\n${err.stdout}${err.stderr}`);
    }
  }

  step("npm install into a fresh app (better-sqlite3 may compile: a few minutes)");
  const app = join(work, "app");
  run("mkdir", ["-p", app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "fresh-app", private: true, type: "module" }, null, 2));
  run("npm", ["install", "--no-package-lock", ...Object.values(tarballs), ...APP_DEPS], { cwd: app, env: npmEnv, stdio: ["ignore", "pipe", "inherit"] });

  step("import every entry point");
  const entries = [];
  for (const name of PACKAGES) {
    const manifest = JSON.parse(readFileSync(join(app, "node_modules", "@llmscope", name, "package.json"), "utf8"));
    for (const key of Object.keys(manifest.exports ?? {})) {
      if (key.endsWith(".json")) continue;
      entries.push(`${manifest.name}${key.slice(1)}`);
    }
  }
  for (const entry of entries) {
    try {
      run(process.execPath, ["--input-type=module", "-e", `const m = await import(${JSON.stringify(entry)}); if (!Object.keys(m).length) throw new Error("no exports")`], { cwd: app });
      console.log(`  ${entry}`);
    } catch (err) {
      problems.push(`import ${entry}: ${err.stderr || err.message}`);
    }
  }

  step("types with skipLibCheck off");
  writeFileSync(join(app, "check.ts"), entries.map((e, i) => `import * as entry${i} from ${JSON.stringify(e)};\nvoid entry${i};`).join("\n") + "\n");
  writeFileSync(
    join(app, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2023", "dom"], types: ["node"], jsx: "react-jsx", skipLibCheck: false, noEmit: true }, files: ["check.ts"] }),
  );
  try {
    run(join(app, "node_modules", ".bin", "tsc"), ["-p", "."], { cwd: app });
  } catch (err) {
    problems.push(`tsc (skipLibCheck: false):\n${err.stdout}${err.stderr}`);
  }

  step("the CLIs, and a Node script that never calls flush()");
  const bin = (name) => join(app, "node_modules", ".bin", name);
  const version = run(bin("llmscope"), ["--version"], { cwd: app }).trim();
  if (version !== JSON.parse(readFileSync(join(ROOT, "packages", "collector", "package.json"), "utf8")).version) problems.push(`llmscope --version printed ${version}`);
  run(bin("llmscope-mock"), ["--help"], { cwd: app });
  const serve = spawn(bin("llmscope"), ["serve", "--db", join(app, "llmscope.db"), "--port", "0"], { cwd: app, stdio: ["ignore", "pipe", "pipe"] });
  let serveErr = "";
  serve.stderr.on("data", (c) => (serveErr += c));
  const url = await new Promise((ok, fail) => {
    let out = "";
    serve.stdout.on("data", (c) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    serve.on("exit", (code) => fail(new Error(`llmscope serve exited (${code}): ${serveErr}`)));
  });
  writeFileSync(
    join(app, "record.mjs"),
    `import { beaconSink, createRecorder } from "@llmscope/core";
import { startMockLLM } from "@llmscope/mock-llm/node";
const mock = await startMockLLM();
const recorder = createRecorder({ sinks: [beaconSink({ url: process.argv[2] + "/v1/calls" })], tags: { feature: "packed" } });
recorder.install();
const res = await fetch(mock.url + "/v1/chat/completions", {
  method: "POST",
  headers: { "content-type": "application/json", authorization: "Bearer sk-test" },
  body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "What is the capital of France?" }] }),
});
await res.json();
await mock.close();
`,
  );
  run(process.execPath, ["record.mjs", url], { cwd: app });
  serve.kill("SIGTERM");
  await new Promise((done) => serve.on("exit", done));
  const report = JSON.parse(run(bin("llmscope"), ["report", "--db", join(app, "llmscope.db"), "--since", "1d", "--json"], { cwd: app }));
  if (report.totals?.calls !== 1) problems.push(`the Node script's call did not arrive: the report counts ${report.totals?.calls} calls`);
  else console.log("  the script's call was stored, with no flush()");
} catch (err) {
  problems.push(`${err.message}\n${err.stdout ?? ""}${err.stderr ?? ""}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`\nThe packed packages have ${problems.length} problem(s):\n\n${problems.join("\n\n")}`);
  process.exit(1);
}
console.log(`\nThe packed packages install with npm and work as the READMEs say (${((Date.now() - started) / 1000).toFixed(0)} s).`);
