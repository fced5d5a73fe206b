// In a production build the bundler replaces process.env.NODE_ENV, the dev
// branch becomes dead code, and with it every import of the devtools: the
// app ships a component that renders nothing. Use "@llmscope/react/production"
// to keep the devtools in a production build on purpose.
import type { ComponentType } from "react";
import { Devtools } from "./devtools.tsx";
import type { LLMDevtoolsProps } from "./options.ts";

export type { LLMDevtoolsProps, TogglePosition, Dock, ThemePreference } from "./options.ts";

export const LLMDevtools: ComponentType<LLMDevtoolsProps> =
  process.env.NODE_ENV !== "production" ? Devtools : () => null;
