// A prompt template is plain text with {{name}} placeholders, filled from one
// sample object's fields. A placeholder the sample does not provide is an
// error naming the variable and the sample, never an empty string.
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

export class TemplateError extends Error {}

export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** maxChars bounds the result: a template repeating a long value is refused before it is built */
export function renderTemplate(template: string, sample: Record<string, unknown>, sampleIndex = 0, maxChars = Infinity): string {
  let length = template.length;
  return template.replace(PLACEHOLDER, (placeholder: string, name: string) => {
    const value = sample[name];
    if (value === undefined || value === null) throw new TemplateError(`sample ${sampleIndex + 1} has no "${name}" (the template uses {{${name}}})`);
    const text = typeof value === "string" ? value : JSON.stringify(value);
    length += text.length - placeholder.length;
    if (length > maxChars) throw new TemplateError(`sample ${sampleIndex + 1} renders to more than ${maxChars} characters`);
    return text;
  });
}

/** JSON Lines: one sample object per non-empty line */
export function parseSamples(text: string): Record<string, unknown>[] {
  const samples: Record<string, unknown>[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new TemplateError(`samples line ${i + 1} is not JSON`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TemplateError(`samples line ${i + 1} is not a JSON object`);
    samples.push(value as Record<string, unknown>);
  });
  return samples;
}
