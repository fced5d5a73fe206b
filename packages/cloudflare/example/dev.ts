// `pnpm example`: the mock LLM on 127.0.0.1, then `wrangler dev` on the sample
// Worker pointed at it. Set LLMSCOPE_ENDPOINT (e.g. a running collector's
// http://127.0.0.1:4319/v1/calls) to send records there instead of the terminal.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startMockLLM } from "@llmscope/mock-llm/node";

const mock = await startMockLLM({ port: Number(process.env.MOCK_LLM_PORT ?? 4318) });
const vars = [`LLM_BASE_URL:${mock.url}`, `LLMSCOPE_ENDPOINT:${process.env.LLMSCOPE_ENDPOINT ?? ""}`];
console.log(`mock LLM on ${mock.url}`);

const wrangler = spawn(
  "wrangler",
  ["dev", "--ip", "127.0.0.1", "--port", process.env.PORT ?? "8787", ...vars.flatMap((v) => ["--var", v]), ...process.argv.slice(2)],
  {
    cwd: fileURLToPath(new URL(".", import.meta.url)),
    stdio: "inherit",
    env: {
      ...process.env,
      // offline-friendly: no request.cf lookup, no telemetry
      CLOUDFLARE_CF_FETCH_ENABLED: "false",
      WRANGLER_SEND_METRICS: "false",
      // bundle the workspace packages from their TypeScript sources
      WRANGLER_BUILD_CONDITIONS: "@llmscope/source,workerd,worker,browser",
    },
  },
);
const stop = () => wrangler.kill("SIGINT");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
wrangler.on("exit", async (code) => {
  await mock.close();
  process.exit(code ?? 0);
});
