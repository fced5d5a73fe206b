import "./scripts/node20-polyfills.ts";
import { defineConfig } from "vitest/config";

// One Vitest run for the whole workspace: each package is a project, so
// `vitest run` at the root is the single test command CI and developers use.
const source = { conditions: ["@llmscope/source"] };

export default defineConfig({
  resolve: source,
  ssr: { resolve: { conditions: ["@llmscope/source"], externalConditions: ["@llmscope/source"] } },
  test: {
    // Timeouts are there to end a hung test, not to judge speed (benchmarks do
    // that): on a busy 2-core machine a tokenizer load or a 28-day fixture can
    // take several times its usual seconds, so no project uses Vitest's 5 s / 10 s defaults.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "core", root: "packages/core", include: ["src/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: { name: "core-e2e", root: "packages/core", include: ["e2e/**/*.test.ts"], exclude: ["e2e/**/*.browser.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: "mock-llm", root: "packages/mock-llm", include: ["src/**/*.test.ts", "e2e/**/*.test.ts"], exclude: ["e2e/**/*.browser.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: "react",
          root: "packages/react",
          include: ["src/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          setupFiles: ["./src/test-setup.ts"],
        },
      },
      {
        extends: true,
        test: { name: "console", root: "packages/console", include: ["src/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        extends: true,
        test: { name: "collector", root: "packages/collector", include: ["src/**/*.test.ts", "e2e/**/*.test.ts"], exclude: ["e2e/**/*.browser.test.ts"], environment: "node", testTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: "cloudflare", root: "packages/cloudflare", include: ["src/**/*.test.ts", "e2e/**/*.test.ts"], exclude: ["e2e/**/*.browser.test.ts"], environment: "node", testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: "browser-e2e",
          root: ".",
          include: ["packages/*/e2e/**/*.browser.test.ts", "playground/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
