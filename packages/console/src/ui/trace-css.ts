// The traces, waterfall and sessions pages' layout. One colour per kind of
// time, the same in the stacked bars, the waterfall and their legends: LLM
// in the completion's colour, its phases as shades of it.
export const traceCss = `
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.tk-llmMs,.ph-stream{background:var(--out)}
.tk-retrievalMs,.wf-retrieval{background:var(--in)}
.tk-toolMs,.wf-tool{background:var(--ok)}
.tk-preprocessMs,.wf-preprocess{background:var(--warn)}
.tk-httpMs,.wf-http{background:color-mix(in srgb,var(--in) 45%,var(--ok))}
.tk-selfMs{background:var(--muted)}
.wf-agent,.wf-custom{background:color-mix(in srgb,var(--fg) 22%,transparent)}
.wf-llm{background:var(--out)}
.console .ph-wait,.console span.swatch.ph-wait{background:color-mix(in srgb,var(--out) 35%,transparent)}
.console .ph-think,.console span.swatch.ph-think{background:color-mix(in srgb,var(--out) 58%,transparent)}
.console span.swatch.ph-stream{background:var(--out)}
.time-legend{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;margin:6px 0;padding:0;color:var(--muted);font-size:11px}
.time-legend li{display:flex;align-items:center;gap:5px}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.time-col{width:32%;min-width:180px}
.time-bar{display:flex;height:12px;background:var(--bg3);border-radius:2px;overflow:hidden}
.time-seg{display:block;height:100%}
.breakdown-table{width:min(1100px,100%)}.breakdown-table .time-col{width:55%}
.breakdown-bar{display:grid;grid-template-columns:28px 1fr;gap:6px;align-items:center;margin:2px 0}
.list-foot{display:flex;align-items:center;gap:12px}
.trace-title{font-size:16px;margin:6px 0;display:flex;align-items:center;gap:8px}
.trace-facts{grid-template-columns:max-content 1fr max-content 1fr max-content 1fr;max-width:1000px;margin:6px 0}
.time-table{min-width:0;width:min(640px,100%)}
.waterfall-table{width:100%;table-layout:fixed}
.waterfall-table th:nth-child(1){width:24%}.waterfall-table th:nth-child(2){width:100px}.waterfall-table th:nth-child(3),.waterfall-table th:nth-child(5){width:70px}.waterfall-table th:nth-child(6){width:64px}.waterfall-table th:nth-child(7){width:76px}
.waterfall-table td{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;height:20px}
.wf-name .badge{margin-left:6px}
.wf-failed{background:color-mix(in srgb,var(--err) 8%,transparent)}
.wf-kind{display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:5px}
.wf-axis-cell{position:relative}
.wf-axis{position:relative;display:block;height:16px}
.wf-tick{position:absolute;top:0;transform:translateX(-50%);font-weight:400;font-size:10px;color:var(--muted);white-space:nowrap}
.wf-tick:first-child{transform:none}
.wf-track{position:relative;display:block;height:12px;background:linear-gradient(to right,var(--border) 1px,transparent 1px) 0 0/var(--wf-grid,100%) 100% repeat-x,var(--bg2)}
.wf-track a{display:block;height:100%}
.wf-bar{position:absolute;top:0;bottom:0;min-width:2px;border-radius:1px}
.turns{list-style:none;padding:0;margin:10px 0;display:flex;flex-direction:column;gap:12px;max-width:900px}
.turn{display:flex;flex-direction:column;gap:4px}
.turn-head{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center;margin:0}
.turn-figures{margin-left:auto}
.turn-text{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;max-height:240px;overflow:auto}
.session-first{max-width:360px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
`;
