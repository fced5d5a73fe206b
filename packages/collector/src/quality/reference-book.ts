// Reference answers by promptId, held in memory: loaded from a file at start,
// changed by PUT /v1/references/:promptId, saved back through onChange.
export interface ReferenceBook {
  get(promptId: string): readonly string[] | undefined;
  set(promptId: string, references: readonly string[]): void;
  all(): Record<string, string[]>;
}

export const MAX_REFERENCES_PER_PROMPT = 20;
export const MAX_REFERENCE_CHARS = 20_000;
/** prompts the book holds answers for: PUTs for new promptIds past this are refused, so memory stays bounded */
export const MAX_REFERENCE_PROMPTS = 10_000;

export function createReferenceBook(
  initial: Record<string, readonly string[]> = {},
  onChange?: (all: Record<string, string[]>) => void,
): ReferenceBook {
  const book = new Map<string, string[]>(Object.entries(initial).map(([k, v]) => [k, [...v]]));
  const all = () => Object.fromEntries([...book].map(([k, v]) => [k, [...v]]));
  return {
    get: (promptId) => book.get(promptId),
    set(promptId, references) {
      if (references.length && !book.has(promptId) && book.size >= MAX_REFERENCE_PROMPTS) {
        throw new Error(`reference answers are kept for at most ${MAX_REFERENCE_PROMPTS} prompts; remove some (PUT an empty list) first`);
      }
      if (references.length === 0) book.delete(promptId);
      else book.set(promptId, [...references]);
      onChange?.(all());
    },
    all,
  };
}

/**
 * The reference file's shape, `{ "<promptId>": "answer" | ["answer", …] }`
 * (optionally under a top-level `references` key); throws naming what is wrong.
 */
export function parseReferenceMap(data: unknown, source: string): Record<string, string[]> {
  const root = data && typeof data === "object" && !Array.isArray(data) && "references" in data ? (data as { references: unknown }).references : data;
  if (!root || typeof root !== "object" || Array.isArray(root)) throw new Error(`${source}: expected a map of promptId to reference answers`);
  const out: Record<string, string[]> = {};
  for (const [promptId, value] of Object.entries(root as Record<string, unknown>)) {
    const list = typeof value === "string" ? [value] : value;
    out[promptId] = checkReferences(list, `${source}: ${promptId}`);
  }
  return out;
}

export function checkReferences(list: unknown, where: string): string[] {
  if (!Array.isArray(list) || list.some((r) => typeof r !== "string" || !r.trim())) {
    throw new Error(`${where} must be a non-empty string or a list of them`);
  }
  if (list.length > MAX_REFERENCES_PER_PROMPT) throw new Error(`${where} has ${list.length} references; at most ${MAX_REFERENCES_PER_PROMPT}`);
  if (list.some((r: string) => r.length > MAX_REFERENCE_CHARS)) throw new Error(`${where}: a reference is over ${MAX_REFERENCE_CHARS} characters`);
  return list as string[];
}
