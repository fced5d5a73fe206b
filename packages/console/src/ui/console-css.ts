// The console's own layout on top of the devtools' sheet and theme variables.
export const consoleCss = `
html,body{margin:0;height:100%}
.console{--ls-font:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--ls-mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;min-height:100vh;background:var(--bg);color:var(--fg);font:13px/1.45 var(--ls-font)}
.console a{color:var(--link)}
.console-head{position:sticky;top:0;z-index:1}
.console-head .tab{display:flex;align-items:center;text-decoration:none}
.console-main{padding:12px 16px}
.key-page{max-width:420px;margin:15vh auto;display:flex;flex-direction:column;gap:10px}
.key-page input{width:100%;font:inherit;padding:4px}
.search-form{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:6px 10px;align-items:end;margin-bottom:10px}
.search-form label{display:flex;flex-direction:column;color:var(--muted);font-size:11px}
.search-form input,.filters select{font:inherit;color:var(--fg);background:var(--bg2);border:1px solid var(--border);border-radius:4px;padding:3px 6px}
.search-form .check{flex-direction:row;gap:4px;align-items:center}
.console-list{display:flex;flex-direction:column}
.console-scroll{height:calc(100vh - 300px);min-height:240px;overflow-y:auto;contain:strict;border:1px solid var(--border)}
.console a.console-row{color:var(--fg)}
.console-row{display:grid;grid-template-columns:124px 150px 90px 190px 100px 70px 80px 80px 1fr;gap:8px;align-items:center;padding:0 8px;box-sizing:border-box;text-decoration:none;color:var(--fg);white-space:nowrap;overflow:hidden;border-bottom:1px solid var(--border)}
.console-row:hover{background:var(--hover)}
.ellipsis{overflow:hidden;text-overflow:ellipsis}
.console-detail{max-width:1100px}
.console-table{border-collapse:collapse;margin:10px 0;min-width:50%}
.console-table th,.console-table td{border-bottom:1px solid var(--border);padding:3px 8px;text-align:left}
.console-table .num{text-align:right}
.console-table caption{text-align:left;font-weight:600;color:var(--muted)}
.console-columns{display:flex;gap:24px;flex-wrap:wrap}
.bar-chart,.token-prompt{margin:10px 0}
.bar-row{display:grid;grid-template-columns:160px 1fr 220px auto;gap:8px;align-items:center;height:22px}
.bar-label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar-track{position:relative;height:12px;background:var(--bg3);border-radius:2px;display:flex}
.bar-fill{display:block;height:100%;background:var(--accent)}
.bar-in{background:var(--in)}.bar-out{background:var(--out)}
.rule-line{position:absolute;top:-3px;bottom:-3px;border-left:2px dashed var(--warn)}
.alert-card{margin-bottom:10px}
.evidence{margin-right:8px}
`;
