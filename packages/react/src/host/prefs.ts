import { createStore, type StoreApi } from "zustand/vanilla";
import type { Dock, ThemePreference } from "../options.ts";

export interface Prefs {
  open: boolean;
  dock: Dock;
  theme: ThemePreference;
  /** panel height when docked bottom, px */
  bottomSize: number;
  /** panel width when docked right, px */
  rightSize: number;
}

export type PrefsStore = StoreApi<Prefs>;

export const defaultPrefs: Prefs = { open: false, dock: "bottom", theme: "system", bottomSize: 340, rightSize: 520 };
export const minPanelSize = 160;

/** Prefs survive reloads in localStorage; storage that is missing, full or corrupt falls back to defaults. */
export function createPrefsStore(storageKey: string, initialOpen: boolean): PrefsStore {
  const stored = readPrefs(storageKey);
  const store = createStore<Prefs>(() => ({ ...defaultPrefs, open: initialOpen, ...stored }));
  store.subscribe((prefs) => writePrefs(storageKey, prefs));
  return store;
}

function readPrefs(key: string): Partial<Prefs> {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== "object") return {};
    const p = parsed as Record<string, unknown>;
    const out: Partial<Prefs> = {};
    if (typeof p.open === "boolean") out.open = p.open;
    if (p.dock === "bottom" || p.dock === "right") out.dock = p.dock;
    if (p.theme === "system" || p.theme === "light" || p.theme === "dark") out.theme = p.theme;
    if (isSize(p.bottomSize)) out.bottomSize = p.bottomSize;
    if (isSize(p.rightSize)) out.rightSize = p.rightSize;
    return out;
  } catch {
    return {};
  }
}

function isSize(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && v >= minPanelSize;
}

function writePrefs(key: string, prefs: Prefs): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(prefs));
  } catch {
    // private mode or a full quota: the prefs simply do not persist
  }
}

/** Largest size that still leaves part of the page visible. */
export function maxPanelSize(dock: Dock): number {
  if (typeof window === "undefined") return 2000;
  const viewport = dock === "bottom" ? window.innerHeight : window.innerWidth;
  return Math.max(minPanelSize, Math.round(viewport * 0.9));
}

export function clampPanelSize(size: number, dock: Dock): number {
  return Math.round(Math.min(maxPanelSize(dock), Math.max(minPanelSize, size)));
}
