import type { LLMCall } from "@llmscope/core";

/** One call per line: streams into jq, grep and the collector's import as is. */
export function callsAsNDJSON(calls: readonly LLMCall[]): string {
  return calls.map((c) => JSON.stringify(c)).join("\n") + (calls.length > 0 ? "\n" : "");
}

export function callsAsJSON(calls: readonly LLMCall[], sessionId: string, now = Date.now()): string {
  return JSON.stringify({ sessionId, exportedAt: new Date(now).toISOString(), count: calls.length, calls }, null, 2);
}

export function exportFileName(sessionId: string, extension: "ndjson" | "json", now = Date.now()): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, "-");
  return `llmscope-${sessionId.replace(/[^\w-]/g, "") || "session"}-${stamp}.${extension}`;
}

/** Save text as a file through a Blob URL: no server round trip, nothing left behind. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = "noopener";
  anchor.style.display = "none";
  document.body.appendChild(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    // revoking at once can cancel the download in some browsers
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
