import { hashString, seededRandom } from "./hash.ts";
import { topicWords } from "./words.ts";

// A bag-of-words embedding: each topic word has a fixed random direction and a
// text is the normalised sum of its words'. Equal texts embed equally and texts
// that share words point the same way, so cosine similarity means something in
// a demo (vector search, accuracy against a reference) without any model.

const MAX_CACHED = 4096;
const wordVectors = new Map<string, Float32Array>();

function randomUnit(seed: number, dimensions: number): Float32Array {
  const random = seededRandom(seed);
  const v = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) v[i] = random() * 2 - 1;
  return normalize(v);
}

function wordVector(word: string, dimensions: number): Float32Array {
  const key = `${dimensions}:${word}`;
  let v = wordVectors.get(key);
  if (!v) {
    if (wordVectors.size >= MAX_CACHED) wordVectors.clear();
    v = randomUnit(hashString(word), dimensions);
    wordVectors.set(key, v);
  }
  return v;
}

function normalize(v: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  const scale = 1 / Math.sqrt(norm || 1);
  for (let i = 0; i < v.length; i++) v[i] = v[i]! * scale;
  return v;
}

/** A unit vector for the text; a text without topic words gets one seeded by its whole self. */
export function embedText(text: string, dimensions: number): Float32Array {
  const words = topicWords(text);
  if (words.length === 0) return randomUnit(hashString(text), dimensions);
  const sum = new Float32Array(dimensions);
  for (const word of words) {
    const w = wordVector(word, dimensions);
    for (let i = 0; i < dimensions; i++) sum[i] = sum[i]! + w[i]!;
  }
  return normalize(sum);
}

/** cosine of two vectors (any lengths: the shorter one decides) */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < n; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
