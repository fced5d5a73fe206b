import { afterEach, describe, expect, it, vi } from "vitest";
import { render } from "@testing-library/react";
import { createRecorder, memorySink } from "@llmscope/core";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("entry points", () => {
  it("renders nothing from the main entry in a production build", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.resetModules();
    const { LLMDevtools } = await import("./index.ts");
    const { container } = render(<LLMDevtools recorder={createRecorder({ sinks: [memorySink()] })} />);
    expect(container.innerHTML).toBe("");
    expect(document.querySelector("[data-llmscope-devtools]")).toBeNull();
  });

  it("renders the devtools from the main entry in development", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.resetModules();
    const { LLMDevtools } = await import("./index.ts");
    render(<LLMDevtools recorder={createRecorder({ sinks: [memorySink()] })} />);
    expect(document.querySelector("[data-llmscope-devtools]")?.shadowRoot?.querySelector("button.toggle")).not.toBeNull();
  });

  it("renders the devtools from the production entry even in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.resetModules();
    const { LLMDevtools } = await import("./production.ts");
    render(<LLMDevtools recorder={createRecorder({ sinks: [memorySink()] })} />);
    expect(document.querySelector("[data-llmscope-devtools]")?.shadowRoot?.querySelector("button.toggle")).not.toBeNull();
  });

  it("finds the installed recorder when given none", async () => {
    const { LLMDevtools } = await import("./index.ts");
    const recorder = createRecorder({ sinks: [memorySink()] });
    const uninstall = recorder.install();
    try {
      render(<LLMDevtools />);
      expect(document.querySelector("[data-llmscope-devtools]")).not.toBeNull();
    } finally {
      uninstall();
    }
  });

  it("renders nothing, and does not throw, with no recorder installed", async () => {
    const { LLMDevtools } = await import("./index.ts");
    const { container } = render(<LLMDevtools />);
    expect(container.innerHTML).toBe("");
  });
});
