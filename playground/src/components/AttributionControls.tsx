import type { Attribution } from "../use-chat.ts";

const CHOICES = {
  userId: ["u-alice", "u-bob", "u-chen"],
  department: ["support", "sales", "research"],
  feature: ["chat", "summarize", "search"],
} as const;

/** Who is calling: these become the call's tags through `recorder.withTags`. */
export function AttributionControls({ value, onChange }: { value: Attribution; onChange: (v: Attribution) => void }) {
  return (
    <fieldset>
      <legend>Attribution (tags)</legend>
      {(Object.keys(CHOICES) as (keyof Attribution)[]).map((key) => (
        <label key={key}>
          {key}
          <select aria-label={key} value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })}>
            {CHOICES[key].map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
