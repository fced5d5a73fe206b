// Horizontal bars with their values written out: readable without hovering,
// and the numbers are the ones the tables add up.
export interface Bar {
  label: string;
  value: number;
  text: string;
}

export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  return (
    <figure className="bar-chart" aria-label={title}>
      <figcaption className="card-label">{title}</figcaption>
      {bars.map((b) => (
        <div key={b.label} className="bar-row">
          <span className="bar-label mono">{b.label}</span>
          <span className="bar-track"><span className="bar-fill" style={{ width: `${max > 0 ? (b.value / max) * 100 : 0}%` }} /></span>
          <span className="num">{b.text}</span>
        </div>
      ))}
    </figure>
  );
}
