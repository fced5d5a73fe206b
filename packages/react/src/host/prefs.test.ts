import { describe, expect, it } from "vitest";
import { clampPanelSize, createPrefsStore, defaultPrefs, minPanelSize } from "./prefs.ts";
import { matchesShortcut, parseShortcut } from "./shortcut.ts";

describe("prefs", () => {
  it("writes changes to localStorage and reads them back", () => {
    const prefs = createPrefsStore("k", false);
    prefs.setState({ dock: "right", rightSize: 600, theme: "dark" });
    expect(createPrefsStore("k", false).getState()).toMatchObject({ dock: "right", rightSize: 600, theme: "dark", open: false });
  });

  it("drops stored values of the wrong shape and keeps the rest", () => {
    localStorage.setItem("k", JSON.stringify({ dock: "left", theme: "dark", bottomSize: -5, open: "yes" }));
    expect(createPrefsStore("k", true).getState()).toEqual({ ...defaultPrefs, open: true, theme: "dark" });
  });

  it("keeps sizes within the viewport", () => {
    expect(clampPanelSize(10, "bottom")).toBe(minPanelSize);
    expect(clampPanelSize(1e6, "right")).toBe(Math.round(window.innerWidth * 0.9));
  });
});

describe("shortcut", () => {
  const key = (init: KeyboardEventInit) => new KeyboardEvent("keydown", init);
  it("matches mod+shift+l with Ctrl or Cmd and nothing else", () => {
    const s = parseShortcut("mod+shift+l")!;
    expect(matchesShortcut(key({ key: "L", ctrlKey: true, shiftKey: true }), s)).toBe(true);
    expect(matchesShortcut(key({ key: "L", metaKey: true, shiftKey: true }), s)).toBe(true);
    expect(matchesShortcut(key({ key: "l", ctrlKey: true }), s)).toBe(false);
    expect(matchesShortcut(key({ key: "k", ctrlKey: true, shiftKey: true }), s)).toBe(false);
    expect(matchesShortcut(key({ key: "L", ctrlKey: true, shiftKey: true, altKey: true }), s)).toBe(false);
  });
  it("rejects an empty spec", () => {
    expect(parseShortcut("")).toBeNull();
  });
});
