import { useState } from "react";

const BURST = 50;

/** Fifty mixed calls at once, so the tallies and the jitter view have something to show. */
export function BurstButton({ onRun }: { onRun: (index: number) => Promise<void> }) {
  const [left, setLeft] = useState(0);
  const burst = async () => {
    setLeft(BURST);
    await Promise.all(Array.from({ length: BURST }, (_, i) => onRun(i).finally(() => setLeft((n) => n - 1))));
  };
  return (
    <fieldset className="card">
      <legend>Burst</legend>
      <p>Fifty mixed calls across every provider, a few of them failing.</p>
      <button type="button" data-action="burst" disabled={left > 0} onClick={() => void burst()}>
        {left > 0 ? `${left} in flight…` : `Fire ${BURST} calls`}
      </button>
    </fieldset>
  );
}
