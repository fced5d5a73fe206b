import type { Prompt } from "../types.ts";
import { fnv1a64 } from "./fnv1a64.ts";
import { normalizePromptText } from "./normalize-prompt-text.ts";

// Runs on every call: read a bounded amount however large the prompt is.
const MAX_CHARS_PER_MESSAGE = 8_192;
const MAX_CHARS_TOTAL = 65_536;

// A template's fixed parts (the system prompt, earlier turns of a
// conversation) come back call after call: each is normalized once. Bounded,
// and emptied when full rather than tracked by age, which costs nothing per hit.
// The last message (or a bare prompt's text) is the new part, nearly always
// unseen: remembering it too cost more than normalizing it (each call's own
// text and its normalized copy kept and dropped 256 calls later: ~50 µs a call
// of the recorder's ~180 on the main thread, where normalizing ~1 KB is ~10).
const MAX_REMEMBERED = 256;
const MAX_REMEMBERED_CHARS = 512 * 1024;
const remembered = new Map<string, string>();
let rememberedChars = 0;
function normalized(text: string): string {
  let found = remembered.get(text);
  if (found === undefined) {
    found = normalizePromptText(text);
    if (remembered.size >= MAX_REMEMBERED || rememberedChars + text.length > MAX_REMEMBERED_CHARS) {
      remembered.clear();
      rememberedChars = 0;
    }
    remembered.set(text, found);
    rememberedChars += text.length;
  }
  return found;
}

/** how many normalized texts are remembered now (for tests) */
export const rememberedTexts = (): number => remembered.size;

/**
 * A short stable id of a prompt's pattern: calls rendered from one template
 * with different values share it. An explicit promptId names the pattern instead.
 */
export function fingerprintPrompt(prompt: Prompt, promptId?: string): string {
  if (typeof promptId == "string" && promptId) return "p:" + promptId;
  let budget = MAX_CHARS_TOTAL;
  const read = (text: string | undefined, remember: boolean): string => {
    const slice = text ? text.slice(0, Math.min(MAX_CHARS_PER_MESSAGE, budget)) : "";
    budget -= slice.length;
    return remember ? normalized(slice) : normalizePromptText(slice);
  };
  // roles and tool names are structure and kept verbatim; separators keep
  // ("ab","c") and ("a","bc") apart. Hashed piece by piece, as the pieces joined
  // would hash, without building that copy of the prompt.
  const messages = prompt?.messages ?? [];
  const last = messages.length - 1;
  const pieces = ["s\u0001", read(prompt?.system, true)];
  for (let i = 0; i <= last; i++) {
    const m = messages[i]!;
    pieces.push(`\u0002${m.role}\u0001`, read(m.content, i < last), `\u0001${m.toolCalls?.map((call) => call.name).join(",") ?? ""}`);
  }
  if (last < 0) pieces.push("\u0002t\u0001", read(prompt?.text, false));
  return fnv1a64(...pieces);
}
