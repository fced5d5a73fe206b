import { errorHint, type CallError, type HintContext } from "@llmscope/core";

export function ErrorBox({ error, context }: { error: CallError; context?: HintContext }) {
  // an unknown kind has no hint; the message still shows
  const hint = errorHint(error.kind, context);
  return (
    <div className="error-box" role="alert">
      <div className="kv-line">
        <span className="badge badge-error">{error.kind}</span>
        {error.status !== undefined && <span className="badge">HTTP {error.status}</span>}
        {error.code && <span className="badge mono">{error.code}</span>}
      </div>
      <pre className="text">{error.message}</pre>
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}
