/**
 * Flatten the many shapes providers use for message content (a string, an
 * array of typed parts, nested tool results) into plain text.
 */
export function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map(textOf).filter((t) => t.length > 0).join("\n");
  if (content && typeof content === "object") {
    const part = content as Record<string, unknown>;
    if (typeof part.text === "string") return part.text;
    if (part.content !== undefined) return textOf(part.content);
    if (typeof part.output === "string") return part.output;
    if (part.functionResponse !== undefined) return JSON.stringify(part.functionResponse);
  }
  return "";
}
