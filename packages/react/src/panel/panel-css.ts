// The panel's sheet, shipped in the lazy chunk. Dense and monospace for numbers,
// like a browser's own devtools; both themes keep text contrast at WCAG AA or better.
export const panelCss = `
.llmscope-theme[data-theme=dark]{--bg:#0f141c;--bg2:#151c27;--bg3:#1d2633;--fg:#e6edf3;--muted:#8b9bb0;--border:#263140;--accent:#a78bfa;--link:#7cb5ff;--ok:#3fb950;--err:#ff7b72;--warn:#e3b341;--sel:#1c3a5e;--hover:#18212d;--in:#58a6ff;--out:#bc8cff;color-scheme:dark}
.llmscope-theme[data-theme=light]{--bg:#ffffff;--bg2:#f6f8fa;--bg3:#eaeef2;--fg:#1f2328;--muted:#59636e;--border:#d8dee4;--accent:#7c3aed;--link:#0969da;--ok:#1a7f37;--err:#cf222e;--warn:#9a6700;--sel:#ddf4ff;--hover:#f3f6f9;--in:#0969da;--out:#8250df;color-scheme:light}
.panel{position:fixed;z-index:1;display:flex;flex-direction:column;background:var(--bg);color:var(--fg);font:12px/1.45 var(--ls-font);box-shadow:0 -6px 24px rgba(0,0,0,.22);box-sizing:border-box}
.panel *,.panel *::before,.panel *::after{box-sizing:border-box}
.dock-bottom{left:0;right:0;bottom:0;border-top:1px solid var(--border)}
.dock-right{top:0;right:0;bottom:0;border-left:1px solid var(--border)}
.resize{position:absolute;z-index:2;background:transparent}
.resize:hover,.resize:focus-visible{background:var(--accent);outline:none}
.resize-bottom{left:0;right:0;top:-3px;height:6px;cursor:ns-resize}
.resize-right{top:0;bottom:0;left:-3px;width:6px;cursor:ew-resize}
.panel-head{display:flex;align-items:center;gap:8px;padding:0 8px;height:36px;flex:none;border-bottom:1px solid var(--border);background:var(--bg2)}
.dock-right .panel-head{flex-wrap:wrap;height:auto;padding:0 8px;row-gap:0}.dock-right .tabs{order:3;width:100%;height:30px;border-top:1px solid var(--border)}.dock-right .spacer{display:none}.dock-right .actions{margin-left:auto;padding:4px 0}
.brand{font-weight:700;letter-spacing:.2px;white-space:nowrap}.brand .toggle-mark{color:var(--accent)}
.tabs{display:flex;height:100%;overflow-x:auto}
.tab{all:unset;cursor:pointer;padding:0 10px;height:100%;color:var(--muted);border-bottom:2px solid transparent;white-space:nowrap;font-weight:500}
.tab:hover{color:var(--fg)}.tab[aria-selected=true]{color:var(--fg);border-bottom-color:var(--accent)}
.tab:focus-visible,.btn:focus-visible,.icon-btn:focus-visible,.link:focus-visible,.sort:focus-visible{outline:2px solid var(--link);outline-offset:-2px}
.spacer{flex:1}
.actions{display:flex;align-items:center;gap:4px;flex:none}
.btn,.icon-btn{font:inherit;color:var(--fg);background:var(--bg3);border:1px solid var(--border);border-radius:4px;padding:2px 8px;cursor:pointer;white-space:nowrap;line-height:18px}
.btn:hover,.icon-btn:hover{border-color:var(--muted)}
.icon-btn{padding:2px 6px;min-width:24px}
.btn-warn{color:var(--warn);border-color:var(--warn)}.btn-on{border-color:var(--accent);background:color-mix(in srgb,var(--accent) 20%,transparent)}
.divider{width:1px;height:18px;background:var(--border);margin:0 4px}
.link{all:unset;cursor:pointer;color:var(--link)}.link:hover{text-decoration:underline}
.panel-body{flex:1;min-height:0;overflow:hidden;display:flex;flex-direction:column}
.num,.mono{font-family:var(--ls-mono);font-variant-numeric:tabular-nums;font-size:11.5px}
.muted{color:var(--muted)}.small{font-size:11px}.error-text{color:var(--err)}
.badge{display:inline-flex;align-items:center;gap:4px;padding:0 6px;border-radius:9px;font:600 10.5px/16px var(--ls-mono);background:var(--bg3);color:var(--muted);white-space:nowrap}
.badge-ok{color:var(--ok);background:color-mix(in srgb,var(--ok) 14%,transparent)}
.badge-error{color:var(--err);background:color-mix(in srgb,var(--err) 15%,transparent)}
.badge-warn{color:var(--warn);background:color-mix(in srgb,var(--warn) 16%,transparent)}
.badge-live{color:var(--link);background:color-mix(in srgb,var(--link) 14%,transparent)}
.badge-pending{color:var(--muted)}
.live-dot{width:6px;height:6px;border-radius:50%;background:currentColor;animation:ls-pulse 1s ease-in-out infinite}
@keyframes ls-pulse{50%{opacity:.25}}
@media (prefers-reduced-motion:reduce){.live-dot{animation:none}}
.calls-view{display:flex;flex:1;min-height:0}
.dock-right .calls-view{flex-direction:column}
.calls-main{display:flex;flex-direction:column;flex:1;min-width:0;min-height:0}
.with-detail .calls-main{flex:0 0 46%}
.dock-right .with-detail .calls-main{flex:0 0 40%}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:6px;padding:6px 8px;border-bottom:1px solid var(--border)}
.filters input[type=search],.filters select,.comment{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--border);border-radius:4px;padding:2px 6px;height:24px}
.search{flex:1 1 200px;min-width:140px}
.filters select{max-width:150px}
.check{display:inline-flex;align-items:center;gap:4px;white-space:nowrap}
.shown{margin-left:auto;color:var(--muted)}
.list-wrap{flex:1;min-height:0;display:flex;flex-direction:column;container-type:inline-size}
@container (max-width:540px){.row{grid-template-columns:84px minmax(80px,1fr) 76px minmax(64px,.8fr) 58px 18px}.row .c-cost,.row .c-quality,.row .provider{display:none}}
.list{flex:1;min-height:0;overflow:auto;outline:none;position:relative}
.list:focus-visible{box-shadow:inset 0 0 0 2px var(--link)}
.row{display:grid;grid-template-columns:84px minmax(90px,1.5fr) 76px minmax(76px,.9fr) 66px 62px 44px 18px;gap:8px;align-items:center;padding:0 8px;height:26px;border-bottom:1px solid color-mix(in srgb,var(--border) 55%,transparent);cursor:pointer;white-space:nowrap}
.row>span{overflow:hidden;text-overflow:ellipsis}
.row:hover{background:var(--hover)}
.row-active{box-shadow:inset 2px 0 0 var(--link)}
.row-selected{background:var(--sel)}.row-selected:hover{background:var(--sel)}
.row-head{height:24px;cursor:default;background:var(--bg2);color:var(--muted);font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.3px;border-bottom:1px solid var(--border);flex:none}
.row-head:hover{background:var(--bg2)}
.sort{all:unset;cursor:pointer;overflow:hidden;text-overflow:ellipsis}.sort-on{color:var(--fg)}
.c-tokens,.c-cost,.c-latency,.c-quality{text-align:right}
.q{font-variant-numeric:tabular-nums;font-weight:600}.q-good{color:var(--ok)}.q-fair{color:var(--warn)}.q-poor{color:var(--err)}
.q-row{display:grid;grid-template-columns:80px 1fr 32px;gap:8px;align-items:center;margin:2px 0}.q-name{color:var(--muted)}
.q-track{height:8px;border-radius:4px;background:var(--bg3);overflow:hidden}.q-fill{display:block;height:100%}
.q-fill.q-good,.q-hist-bar.q-good{background:var(--ok)}.q-fill.q-fair,.q-hist-bar.q-fair{background:var(--warn)}.q-fill.q-poor,.q-hist-bar.q-poor{background:var(--err)}
.provider{color:var(--muted)}
.est{color:var(--warn);margin-left:1px}
.empty{padding:16px;color:var(--muted)}
.history{display:flex;gap:12px;padding:4px 8px;border-top:1px solid var(--border);font-size:11px}
.detail{flex:1;min-width:0;min-height:0;overflow:auto;border-left:1px solid var(--border);padding:0 10px 16px;background:var(--bg)}
.dock-right .detail{border-left:0;border-top:1px solid var(--border)}
.detail-head{position:sticky;top:0;z-index:1;display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;white-space:nowrap;padding:6px 0;background:var(--bg);border-bottom:1px solid var(--border)}
.section{padding:8px 0;border-bottom:1px solid color-mix(in srgb,var(--border) 60%,transparent)}
.section-title{display:flex;align-items:center;gap:8px;margin:0 0 6px;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.4px;color:var(--muted)}
.section-aside{margin-left:auto;text-transform:none;letter-spacing:0;font-weight:400}
.text{margin:0;white-space:pre-wrap;word-break:break-word;font:12px/1.5 var(--ls-mono)}
.code .text,.headers{background:var(--bg2);border:1px solid var(--border);border-radius:4px;padding:6px 8px;max-height:360px;overflow:auto;font-size:11px}
.messages{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.message{border:1px solid var(--border);border-left-width:3px;border-radius:4px;padding:4px 8px;background:var(--bg2)}
.message-system{border-left-color:var(--warn)}.message-user{border-left-color:var(--in)}.message-assistant{border-left-color:var(--out)}.message-tool{border-left-color:var(--ok)}
.role{display:block;font:700 10px/16px var(--ls-mono);text-transform:uppercase;color:var(--muted)}
.tool-call{font-family:var(--ls-mono);font-size:11px;margin-top:4px}.inline{display:inline}.inline .text{display:inline}
.completion{border:1px solid var(--border);border-left:3px solid var(--out);border-radius:4px;padding:6px 8px;background:var(--bg2)}
.kv-line{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.waterfall svg{width:100%;height:42px;display:block}
.ph-wait{fill:var(--muted)}.ph-think{fill:var(--warn)}.ph-stream{fill:var(--ok)}
.legend{display:flex;flex-wrap:wrap;gap:14px;margin:4px 0 0}.legend div{display:flex;gap:6px}.legend dt{color:var(--muted)}.legend dd{margin:0}
.swatch{display:inline-block;width:8px;height:8px;border-radius:2px;margin-right:4px;background:currentColor;vertical-align:middle}
span.swatch.ph-wait{background:var(--muted)}span.swatch.ph-think{background:var(--warn)}span.swatch.ph-stream{background:var(--ok)}
.sparkline{display:flex;align-items:center;gap:10px;margin-top:6px}.spark{stroke:var(--link);stroke-width:1.5}
.usage{display:flex;gap:24px;flex-wrap:wrap}
.kv{border-collapse:collapse;min-width:180px}.kv caption{text-align:left;font-weight:600;padding-bottom:4px}
.kv th{text-align:left;font-weight:400;color:var(--muted);padding:1px 16px 1px 0}.kv td{text-align:right;padding:1px 0}
.kv .total th,.kv .total td{border-top:1px solid var(--border);font-weight:700;color:var(--fg)}
.pairs{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}.pairs div{display:contents}.pairs dt{color:var(--muted)}.pairs dd{margin:0;word-break:break-all}
.error-box{margin:8px 0;padding:8px;border:1px solid var(--err);border-radius:4px;background:color-mix(in srgb,var(--err) 8%,transparent)}
.hint{margin:6px 0 0;font-weight:500}
.feedback{display:flex;align-items:center;gap:6px;flex-wrap:wrap}.comment{flex:1 1 180px}
.raw{margin:4px 0}.raw summary{cursor:pointer;font-weight:600;padding:2px 0}
.view{flex:1;overflow:auto;padding:10px}
.toggle-loading{position:fixed;bottom:52px;right:14px;padding:4px 8px;background:#0f172a;color:#e2e8f0;border-radius:4px}
`;
