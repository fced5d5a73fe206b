import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDbPath } from "../testing/temp-db.ts";
import { readReferenceFile, referenceBookFromFile } from "./reference-file.ts";

let cleanup = () => {};
afterEach(() => cleanup());

function dir() {
  const tmp = tempDbPath();
  cleanup = tmp.cleanup;
  return tmp.dir;
}

describe("reference answer files", () => {
  it("reads YAML and JSON maps, a single answer or a list", () => {
    const d = dir();
    writeFileSync(join(d, "r.yaml"), "capital:\n  - Paris is the capital of France.\n  - Paris.\nrefund: We refund within 14 days.\n");
    expect(readReferenceFile(join(d, "r.yaml"))).toEqual({ capital: ["Paris is the capital of France.", "Paris."], refund: ["We refund within 14 days."] });
    writeFileSync(join(d, "r.json"), JSON.stringify({ references: { capital: "Paris." } }));
    expect(readReferenceFile(join(d, "r.json"))).toEqual({ capital: ["Paris."] });
  });

  it("names what is wrong in a bad file", () => {
    const d = dir();
    writeFileSync(join(d, "bad.json"), "{ nope");
    expect(() => readReferenceFile(join(d, "bad.json"))).toThrow(/bad.json is not valid JSON/);
    writeFileSync(join(d, "list.yaml"), "- a\n- b\n");
    expect(() => readReferenceFile(join(d, "list.yaml"))).toThrow(/expected a map of promptId to reference answers/);
    writeFileSync(join(d, "num.yaml"), "capital: 42\n");
    expect(() => readReferenceFile(join(d, "num.yaml"))).toThrow(/capital must be a non-empty string or a list of them/);
  });

  it("writes changes back in the file's own format", () => {
    const d = dir();
    const path = join(d, "refs.yml");
    writeFileSync(path, "a: one\n");
    const book = referenceBookFromFile(path, (e) => { throw e; });
    book.set("b", ["two", "three"]);
    expect(readReferenceFile(path)).toEqual({ a: ["one"], b: ["two", "three"] });
    book.set("a", []);
    expect(readFileSync(path, "utf8")).not.toContain("one");
  });
});
