import { within } from "@testing-library/react";

/** Testing Library does not look inside shadow roots: query within the devtools' root. */
export function devtoolsRoot(): HTMLElement {
  const host = document.querySelector("[data-llmscope-devtools]");
  const root = host?.shadowRoot?.querySelector<HTMLElement>(".llmscope-root");
  if (!root) throw new Error("devtools are not mounted");
  return root;
}

export function inDevtools() {
  return within(devtoolsRoot());
}

export function shadowActiveElement(): Element | null {
  return document.querySelector("[data-llmscope-devtools]")?.shadowRoot?.activeElement ?? null;
}
