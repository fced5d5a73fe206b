import { useState, type FormEvent } from "react";
import { createCollectorApi } from "../api/collector-api.ts";

/** asks for the read key once, and checks it against the collector before keeping it */
export function KeyPage({ onKey, notice }: { onKey: (key: string) => void; notice?: string }) {
  const [key, setKey] = useState("");
  const [error, setError] = useState(notice ?? "");
  const [checking, setChecking] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setChecking(true);
    setError("");
    try {
      await createCollectorApi(key).calls({ limit: 1 });
      onKey(key);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setChecking(false);
    }
  }
  return (
    <form className="key-page" onSubmit={submit} aria-label="Sign in with the read key">
      <h1>llmscope console</h1>
      <p className="muted">Enter the collector's read key. It is kept for this tab only.</p>
      <label>
        Read key <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} autoFocus />
      </label>
      <button type="submit" className="btn" disabled={checking}>Open console</button>
      {error && <p className="error-text" role="alert">{error}</p>}
    </form>
  );
}
