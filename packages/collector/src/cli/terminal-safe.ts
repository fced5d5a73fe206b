// Stored strings come from whoever could write to the collector: printed raw,
// an escape sequence in a prompt or a tag could clear the screen, retitle the
// window or write the clipboard (OSC 52). Every byte the CLI writes to its
// output passes through here: control characters other than newline and tab
// (C0, DEL and C1) become visible \u00XX escapes, which also keeps JSON
// output valid. A carriage return opening a write is the CLI's own progress line.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  const lead = text.startsWith("\r") ? "\r" : "";
  const rest = lead ? text.slice(1) : text;
  return lead + rest.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
