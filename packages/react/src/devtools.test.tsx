import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { act, render, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LLMDevtools } from "./index.ts";
import { startRealSetup, type RealSetup } from "./test-support/real-calls.ts";
import { devtoolsRoot, inDevtools, shadowActiveElement } from "./test-support/shadow.ts";
import { nextFrame } from "./test-support/frames.ts";

let real: RealSetup;
beforeAll(async () => {
  real = await startRealSetup();
});
afterAll(() => real.close());

async function openPanel(user: ReturnType<typeof userEvent.setup>) {
  await user.click(inDevtools().getByRole("button", { name: /open llm devtools/i }));
  return inDevtools().findByRole("complementary", { name: "LLM devtools" });
}

describe("<LLMDevtools />", () => {
  it("draws inside a shadow root with its own styles, adding no style to the page", () => {
    const headStyles = document.head.querySelectorAll("style").length;
    render(<LLMDevtools recorder={real.recorder} />);
    const host = document.querySelector("[data-llmscope-devtools]")!;
    expect(host.shadowRoot).not.toBeNull();
    expect(host.shadowRoot!.querySelector("style")?.textContent).toContain(":host{all:initial");
    expect(document.head.querySelectorAll("style").length).toBe(headStyles);
    expect(document.body.querySelector(".toggle")).toBeNull();
  });

  it("shows call and error counts on the toggle badge", async () => {
    render(<LLMDevtools recorder={real.recorder} />);
    await real.chat("hello");
    await real.chat("fail please", { scenario: "rate_limit" });
    await act(nextFrame);
    expect(inDevtools().getByRole("button", { name: "Open LLM devtools: 2 calls, 1 error" })).toBeInTheDocument();
  });

  it("opens with the toggle, moves focus in, and returns focus to the toggle on close", async () => {
    const user = userEvent.setup();
    render(<LLMDevtools recorder={real.recorder} />);
    const toggle = inDevtools().getByRole("button", { name: /open llm devtools/i });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await openPanel(user);
    await waitFor(() => expect(shadowActiveElement()).toBe(inDevtools().getByRole("tab", { name: "Calls" })));
    await user.click(inDevtools().getByRole("button", { name: "Close LLM devtools" }));
    expect(inDevtools().queryByRole("complementary")).toBeNull();
    expect(shadowActiveElement()).toBe(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
  });

  it("toggles with Ctrl+Shift+L by default and with a configured shortcut", async () => {
    const user = userEvent.setup();
    const { unmount } = render(<LLMDevtools recorder={real.recorder} />);
    await user.keyboard("{Control>}{Shift>}L{/Shift}{/Control}");
    expect(await inDevtools().findByRole("complementary")).toBeInTheDocument();
    await user.keyboard("{Control>}{Shift>}L{/Shift}{/Control}");
    expect(inDevtools().queryByRole("complementary")).toBeNull();
    unmount();
    localStorage.clear();
    render(<LLMDevtools recorder={real.recorder} shortcut="alt+d" />);
    await user.keyboard("{Control>}{Shift>}L{/Shift}{/Control}");
    expect(inDevtools().queryByRole("complementary")).toBeNull();
    await user.keyboard("{Alt>}d{/Alt}");
    expect(await inDevtools().findByRole("complementary")).toBeInTheDocument();
  });

  it("switches dock, resizes with arrow keys, and persists open state, size, dock and theme", async () => {
    const user = userEvent.setup();
    const { unmount } = render(<LLMDevtools recorder={real.recorder} storageKey="prefs-test" />);
    const panel = await openPanel(user);
    expect(panel).toHaveClass("dock-bottom");
    const separator = inDevtools().getByRole("separator", { name: "Resize LLM devtools" });
    expect(separator).toHaveAttribute("aria-valuenow", "340");
    separator.focus();
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(separator).toHaveAttribute("aria-valuenow", "372");
    expect(panel.style.height).toBe("372px");
    await user.keyboard("{Shift>}{ArrowDown}{/Shift}");
    expect(separator).toHaveAttribute("aria-valuenow", "292");

    await user.click(inDevtools().getByRole("button", { name: "Dock to the right" }));
    expect(panel).toHaveClass("dock-right");
    expect(panel.style.width).toBe("520px");
    await user.click(inDevtools().getByRole("button", { name: /theme: system/i }));
    expect(devtoolsRoot().querySelector("[data-theme]")).toHaveAttribute("data-theme", "light");

    const saved = JSON.parse(localStorage.getItem("prefs-test")!);
    expect(saved).toMatchObject({ open: true, dock: "right", theme: "light", bottomSize: 292 });

    unmount();
    render(<LLMDevtools recorder={real.recorder} storageKey="prefs-test" />);
    const reopened = await inDevtools().findByRole("complementary", { name: "LLM devtools" });
    expect(reopened).toHaveClass("dock-right");
    expect(devtoolsRoot().querySelector("[data-theme]")).toHaveAttribute("data-theme", "light");
  });

  it("ignores corrupt stored prefs", async () => {
    localStorage.setItem("llmscope.devtools", "{not json");
    render(<LLMDevtools recorder={real.recorder} />);
    expect(inDevtools().getByRole("button", { name: /open llm devtools/i })).toBeInTheDocument();
  });

  it("places the toggle in the chosen corner", () => {
    render(<LLMDevtools recorder={real.recorder} position="top-left" />);
    expect(inDevtools().getByRole("button", { name: /open llm devtools/i })).toHaveClass("toggle-top-left");
  });
});
