import type { Recorder } from "@llmscope/core";

export type TogglePosition = "bottom-right" | "bottom-left" | "top-right" | "top-left";
export type Dock = "bottom" | "right";
export type ThemePreference = "system" | "light" | "dark";

export interface LLMDevtoolsProps {
  /** defaults to the recorder installed with `recorder.install()` */
  recorder?: Recorder;
  /** corner of the floating toggle button */
  position?: TogglePosition;
  /** open on first mount, before anything is persisted */
  initialIsOpen?: boolean;
  /** e.g. "mod+shift+l" (mod = Ctrl, or Cmd on macOS); false turns the shortcut off */
  shortcut?: string | false;
  /** how many calls the devtools keep in memory (newest win) */
  maxCalls?: number;
  /** localStorage key for open state, size, dock and theme */
  storageKey?: string;
}

export const defaultShortcut = "mod+shift+l";
export const defaultMaxCalls = 10_000;
export const defaultStorageKey = "llmscope.devtools";
