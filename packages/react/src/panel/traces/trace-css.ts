// Styles of the trace views, shipped in their lazy chunks. Kind colours hold in
// both themes: each is a mid tone that reads on the dark and the light ground.
export const traceCss = `
.k-llm{--k:var(--out)}.k-retrieval{--k:var(--in)}.k-tool{--k:#2e9f5b}.k-preprocess{--k:#d08a10}.k-http{--k:#1f9aa8}.k-self{--k:color-mix(in srgb,var(--muted) 55%,transparent)}.k-agent,.k-custom{--k:#9b7a5a}
.trace-row{grid-template-columns:84px minmax(90px,1.4fr) 70px 40px minmax(76px,.8fr) 66px 52px minmax(90px,1.3fr);height:28px}
.t-name{font-weight:600}.cards [aria-label="Request time by kind"]{grid-column:span 2}.t-r{text-align:right}
@container (max-width:620px){.trace-row{grid-template-columns:minmax(90px,1.4fr) 60px 44px 72px 52px minmax(70px,1fr)}.trace-row>:first-child,.trace-row>:nth-child(5){display:none}}
.kind-bar{display:flex;height:10px;border-radius:3px;overflow:hidden;background:var(--bg3);min-width:40px}
.kind-bar-wide{height:14px;margin:8px 0 4px}
.kb{display:block;height:100%;background:var(--k)}
.kind-legend{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;margin:0 0 8px;padding:0;font-size:11px}
.swatch.k-llm,.swatch.k-retrieval,.swatch.k-tool,.swatch.k-preprocess,.swatch.k-http,.swatch.k-self{background:var(--k)}
.trace-sums{display:flex;flex-wrap:wrap;gap:4px 14px;margin:8px 0 0}
.diagnosis-warn{margin:8px 0 0;padding:6px 8px;border:1px solid var(--warn);border-radius:4px;background:color-mix(in srgb,var(--warn) 10%,transparent)}
.wf{margin-top:6px}
.wf-row{display:grid;grid-template-columns:minmax(180px,40%) 1fr;align-items:center;height:24px;border-bottom:1px solid color-mix(in srgb,var(--border) 45%,transparent)}
.wf-rows{outline:none}.wf-rows:focus-visible{box-shadow:inset 0 0 0 2px var(--link)}
.wf-rows .wf-row:hover{background:var(--hover)}.wf-call{cursor:pointer}
.wf-axis{height:18px;border-bottom:1px solid var(--border);font-size:10.5px}
.wf-label{display:flex;align-items:center;gap:6px;min-width:0;white-space:nowrap;padding-right:8px}
.wf-name{overflow:hidden;text-overflow:ellipsis;flex:1;min-width:0}
.wf-dur{margin-left:auto}
.wf-kind{font:700 9.5px/14px var(--ls-mono);padding:0 4px;border-radius:3px;color:var(--fg);background:color-mix(in srgb,var(--k) 30%,transparent);border:1px solid var(--k)}
.wf-track{position:relative;height:100%;margin-right:8px}
.wf-tick{position:absolute;top:2px;transform:translateX(-50%);color:var(--muted);white-space:nowrap}.wf-tick:first-child{transform:none}
.wf-axis .wf-track{border-left:1px solid var(--border)}
.wf-bar{position:absolute;top:6px;height:12px;border-radius:2px;background:var(--k);overflow:hidden}
.wf-phase{position:absolute;top:0;bottom:0;background:var(--k)}
.wf-ph-wait{opacity:.35;background:repeating-linear-gradient(135deg,var(--k) 0 3px,transparent 3px 6px)}.wf-ph-think{opacity:.6}.wf-ph-stream{opacity:1}
.wf-bar.k-llm{background:transparent;outline:1px solid var(--k)}
.wf-running{background:repeating-linear-gradient(90deg,var(--k) 0 6px,color-mix(in srgb,var(--k) 50%,transparent) 6px 12px)}
.wf-error{box-shadow:0 0 0 1.5px var(--err)}
.wf-figures{margin-top:8px;padding:6px 8px;border:1px solid var(--border);border-radius:4px;background:var(--bg2)}
.wf-figures-title{display:flex;gap:8px;align-items:center;margin:0 0 4px;font-size:12px}
.phase-legend{display:flex;align-items:center;gap:6px;font-size:11px;margin:6px 0 0;color:var(--muted)}
.wf-key{display:inline-block;width:14px;height:9px;border-radius:2px;margin-left:6px;background:var(--k)}
`;
