export interface Shortcut {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

/** Parse "mod+shift+l" style strings; mod means Ctrl, or Cmd on macOS. */
export function parseShortcut(spec: string): Shortcut | null {
  const parts = spec.toLowerCase().split("+").map((p) => p.trim()).filter(Boolean);
  const key = parts.pop();
  if (!key) return null;
  const has = (name: string) => parts.includes(name);
  return { key, mod: has("mod") || has("ctrl") || has("cmd") || has("meta"), shift: has("shift"), alt: has("alt") };
}

export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  if (event.key?.toLowerCase() !== shortcut.key && event.code?.toLowerCase() !== `key${shortcut.key}`) return false;
  return (
    (event.ctrlKey || event.metaKey) === shortcut.mod &&
    event.shiftKey === shortcut.shift &&
    event.altKey === shortcut.alt
  );
}
