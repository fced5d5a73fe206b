import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizePromptText } from "./normalize-prompt-text.ts";

describe("normalizePromptText", () => {
  it.each([
    ["Order 12345 costs 19.99", "Order <n> costs <n>"],
    ["See https://example.com/a/b?id=7 now", "See <url> now"],
    ["Mail jane.doe+x@example.co.uk today", "Mail <email> today"],
    ["id 3f2504e0-4f89-11d3-9a0c-0305e82c3301 ok", "id <id> ok"],
    ["commit 9fceb02d0ae598e95dc970b74767f19372d61af8", "commit <id>"],
    ["customer cus_N2x8Hk3L", "customer <id>"],
    ["on 2025-03-14T09:26:53Z and 2025-03-15", "on <date> and <date>"],
    ["at 14:02 sharp", "at <time> sharp"],
    ['Translate "bonjour" please', "Translate <str> please"],
    ["Name: 'Alice' ok", "Name: <str> ok"],
    ["題名「吾輩は猫である」", "題名<str>"],
    ["  many   spaces\n\nand lines ", "many spaces and lines"],
    ["report build-2025-03-14 and abc-12345678", "report build-<date> and <id>"],
    ["at https://x.io/a?u=jo@x.io&d=2025-01-01 then", "at <url> then"],
    // either case, as the lower-case forms above
    ["Visit WWW.EXAMPLE.COM or Jane.Doe@Example.COM", "Visit <url> or <email>"],
    ["ref ABCD1234EF at 2025-03-14t09:26z", "ref <id> at <date>"],
  ])("%j → %j", (input, expected) => {
    expect(normalizePromptText(input)).toBe(expected);
  });

  it("keeps apostrophes inside words as text", () => {
    expect(normalizePromptText("don't worry, it's fine")).toBe("don't worry, it's fine");
  });

  it("keeps template words", () => {
    expect(normalizePromptText("Summarize the following review in one sentence")).toBe(
      "Summarize the following review in one sentence",
    );
  });

  it("reads hostile runs the same way as short ones", () => {
    expect(normalizePromptText("1.".repeat(20_000))).toBe("<n>.");
    // an id is read from at most 64 characters before its digit
    expect(normalizePromptText("a-".repeat(20_000) + "1")).toBe("a-".repeat(19_968) + "a<id>");
    expect(normalizePromptText("'x".repeat(20_000))).toBe("'x".repeat(20_000));
  });

  it("reads every whitespace run as one space, as /\\s+/ → \" \" would", () => {
    const piece = fc.constantFrom(" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\u3000", "word", "é", "-", ".");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(normalizePromptText(text)).toBe(text.replace(/\s+/g, " ").trim());
      }),
    );
  });

  it("returns an empty string for non-text input", () => {
    expect(normalizePromptText(undefined as unknown as string)).toBe("");
  });
});

// the pattern as one literal, run over the whole text: the reference for the pattern tried only where a value may start
const REFERENCE =
  /\b((?:\w+:\/\/|[wW]{3}\.)[^\s"'<>`)\]}]+)|\b([\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8})|\b(\d{4}-\d\d-\d\d(?:[Tt ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:[Zz]|[+-]\d\d:?\d\d)?)?)\b|\b(\d\d?:\d\d(?::\d\d)?)\b|\b((?=[\w-]{0,63}\d)(?=[\w-]{0,63}[a-zA-Z])(?![\w-]{0,63}-\d{4}-\d\d-\d\d\b)[\w-]{8,})\b|("[^"\n]{0,500}"|(?<![\p{L}\p{N}])'[^'\n]{0,500}'(?![\p{L}\p{N}])|“[^”\n]{0,500}”|「[^」\n]{0,500}」|`[^`\n]{0,500}`)|(\d+(?:[.,]\d+)*)/gu;
const KINDS = ["url", "email", "date", "time", "id", "str"];
const reference = (text: string) =>
  text
    .replace(REFERENCE, (_m: string, ...groups: unknown[]) => `<${KINDS[groups.slice(0, 6).findIndex((g) => g !== undefined)] ?? "n"}>`)
    .replace(/\s+/g, " ")
    .trim();

describe("normalizePromptText, the pattern tried only where a value may start", () => {
  it("gives what the whole pattern run over the text gives", () => {
    const piece = fc.constantFrom(
      "Order", " ", "12", "3.5", "@", "ann@example.com", "://", "https://x.io/a?b=1", "www.", "WwW.Example.com", "ws://h", "a:", "//", "2025-03-14", "10:30",
      "cus_N2x8Hk3L", "build-2025-03-14", '"', "'", "don't", "`", "“", "”", "「", "」", "\n", "-", "_", ".", "é", "x",
      // values met mid-word, after a run of [\w.+-], or cut short: where the pattern is tried from is what these check
      "a1", "abcdefgh", "ann5", "x.y+z", "h2://", "WWW.", "wwww.", "T", " ", "10:30:00", "+", ":", "/", "9", "ſ", "😀", "a-".repeat(40),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join("");
        expect(normalizePromptText(text)).toBe(reference(text));
      }),
      { numRuns: 4000 },
    );
  });
});
