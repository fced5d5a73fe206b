// Reference answers in a JSON or YAML file (by extension): read at start,
// written back (whole, through a temporary file and a rename) after each PUT.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { createReferenceBook, parseReferenceMap, type ReferenceBook } from "./reference-book.ts";

const isYaml = (path: string) => /\.ya?ml$/i.test(path);

export function readReferenceFile(path: string): Record<string, string[]> {
  const text = readFileSync(path, "utf8");
  let data: unknown;
  try {
    data = isYaml(path) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new Error(`${path} is not valid ${isYaml(path) ? "YAML" : "JSON"}: ${(err as Error).message}`);
  }
  return parseReferenceMap(data ?? {}, path);
}

export function writeReferenceFile(path: string, all: Record<string, string[]>): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, isYaml(path) ? stringifyYaml(all) : JSON.stringify(all, null, 2) + "\n");
  renameSync(tmp, path);
}

/** a book loaded from the file that saves itself back to it; onSaveError hears a failed write */
export function referenceBookFromFile(path: string, onSaveError: (err: unknown) => void): ReferenceBook {
  return createReferenceBook(readReferenceFile(path), (all) => {
    try {
      writeReferenceFile(path, all);
    } catch (err) {
      onSaveError(err);
    }
  });
}
