// Styles of the analysis views, shipped in their own lazy chunks with them.
export const viewCss = `
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:8px;margin-bottom:12px}
.card{border:1px solid var(--border);border-radius:6px;padding:8px 10px;background:var(--bg2)}
.card-label{font-size:11px;color:var(--muted);text-transform:uppercase;letter-spacing:.3px;font-weight:600}
.card-value{font-size:16px;font-weight:600;margin-top:2px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.card-detail{font-size:11px;color:var(--muted);margin-top:2px;white-space:normal}
.card-error{border-color:color-mix(in srgb,var(--err) 60%,var(--border))}.card-error .card-value{color:var(--err)}
.card-warn{border-color:color-mix(in srgb,var(--warn) 60%,var(--border))}.card-warn .card-value{color:var(--warn)}
.grid-table{width:100%;border-collapse:collapse;margin-top:4px}.grid-table caption{text-align:left;font-weight:700;font-size:11px;text-transform:uppercase;color:var(--muted);padding:4px 0}
.grid-table th,.grid-table td{padding:3px 8px;border-bottom:1px solid var(--border);text-align:right;white-space:nowrap}
.grid-table th:first-child{text-align:left;font-weight:500}.grid-table thead th{color:var(--muted);font-weight:600;font-size:11px;background:var(--bg2)}
.model-block{border:1px solid var(--border);border-radius:6px;padding:8px 10px;margin-bottom:10px;background:var(--bg2)}
.strip{margin:4px 0}.strip figcaption{display:flex;justify-content:space-between;gap:8px;font-size:11px}
.strip svg{width:100%;height:44px;display:block}
.axis{stroke:var(--border)}.p50{stroke:var(--link);stroke-width:2}.p95{stroke:var(--warn);stroke-width:1.5;stroke-dasharray:3 2}
.strip svg *{vector-effect:non-scaling-stroke}
.dot{stroke:color-mix(in srgb,var(--fg) 50%,transparent);stroke-width:6;stroke-linecap:round;cursor:pointer}.dot:hover{stroke:var(--link)}.dot-out{stroke:var(--err);stroke-width:8}
.sw-p50{background:var(--link)}.sw-p95{background:var(--warn)}.sw-out{background:var(--err)}.sw-in{background:var(--in)}.sw-out-tok{background:var(--out)}.sw-flag{background:var(--err)}
.legend-line{display:flex;align-items:center;gap:4px;flex-wrap:wrap}.legend-line .swatch{margin-left:8px}
.diagnosis{margin:0 0 10px;padding:8px 10px;border-radius:6px;border:1px solid var(--border);background:var(--bg2)}
.diagnosis-warn{border-color:var(--warn);background:color-mix(in srgb,var(--warn) 10%,transparent)}
.chart-block{border:1px solid var(--border);border-radius:6px;padding:6px 8px;margin-bottom:10px;background:var(--bg2)}
.token-bars{width:100%;height:90px;display:block;margin-top:4px}.bar{cursor:pointer}.bar-in{fill:var(--in)}.bar-out{fill:var(--out)}.bar-flag{fill:var(--err)}
.bar:hover rect{opacity:.75}
.warnings{margin:0 0 10px;padding:0;list-style:none;display:flex;flex-direction:column;gap:4px}
.score{position:relative;display:inline-flex;align-items:center;width:80px;height:16px;border-radius:3px;background:var(--bg3);overflow:hidden}
.score-bar{position:absolute;left:0;top:0;bottom:0;background:color-mix(in srgb,var(--accent) 45%,transparent)}.score .num{position:relative;padding-left:6px;color:var(--fg)}
.prompt-line{margin:0 0 6px;color:var(--muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.side-by-side{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(220px,1fr);gap:8px;overflow-x:auto}
.answer{border:1px solid var(--border);border-radius:4px;padding:6px 8px;background:var(--bg);max-height:220px;overflow:auto}
.answer-text .text{font-size:11.5px}
.answer-outlier{border-color:var(--err)}
`;
