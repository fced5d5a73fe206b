// The devtools even in a production build, for staging sites and demos.
import type { ComponentType } from "react";
import { Devtools } from "./devtools.tsx";
import type { LLMDevtoolsProps } from "./options.ts";

export type { LLMDevtoolsProps, TogglePosition, Dock, ThemePreference } from "./options.ts";

export const LLMDevtools: ComponentType<LLMDevtoolsProps> = Devtools;
