import type { LLMCall } from "@llmscope/core";
import { formatCount, formatUSD } from "../format.ts";

/** why a call carries no cost: unpriced only when it has tokens to price */
export function noCostReason(call: LLMCall): string {
  const { inputTokens, outputTokens } = call.usage ?? {};
  if (inputTokens === undefined && outputTokens === undefined) {
    return call.error ? "Not billed: the call failed before any tokens were counted." : "No tokens recorded, so no cost.";
  }
  return `No price known for ${call.responseModel ?? call.model ?? "this model"}.`;
}

export function UsageCost({ call }: { call: LLMCall }) {
  const usage = call.usage ?? { source: "estimated" as const };
  const cost = call.cost;
  const rows: [string, number | undefined][] = [
    ["Input", usage.inputTokens],
    ["Cached input", usage.cachedInputTokens],
    ["Cache write", usage.cacheWriteTokens],
    ["Output", usage.outputTokens],
    ["Reasoning", usage.reasoningTokens],
  ];
  return (
    <div className="usage">
      <table className="kv">
        <caption>
          Tokens{" "}
          <span className={`badge ${usage.source === "provider" ? "badge-ok" : "badge-warn"}`}>
            {usage.source === "provider" ? "provider" : "estimated"}
          </span>
        </caption>
        <tbody>
          {rows
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td className="num">{formatCount(v)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <table className="kv">
        <caption>Cost {cost && <span className="muted">prices of {cost.priceDate}</span>}</caption>
        <tbody>
          {cost ? (
            <>
              <tr><th scope="row">Input</th><td className="num">{formatUSD(cost.inputUSD)}</td></tr>
              <tr><th scope="row">Cached input</th><td className="num">{formatUSD(cost.cachedInputUSD)}</td></tr>
              {cost.cacheWriteUSD !== undefined && <tr><th scope="row">Cache write</th><td className="num">{formatUSD(cost.cacheWriteUSD)}</td></tr>}
              <tr><th scope="row">Output</th><td className="num">{formatUSD(cost.outputUSD)}</td></tr>
              <tr className="total"><th scope="row">Total</th><td className="num">{formatUSD(cost.totalUSD)}</td></tr>
            </>
          ) : (
            <tr><td className="muted">{noCostReason(call)}</td></tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
