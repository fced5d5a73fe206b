/** Parameters and tags: small maps shown as aligned key/value pairs, values as text. */
export function KeyValues({ values, empty }: { values: Record<string, unknown>; empty: string }) {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return <p className="muted">{empty}</p>;
  return (
    <dl className="pairs">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd className="mono">{typeof v === "string" ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
