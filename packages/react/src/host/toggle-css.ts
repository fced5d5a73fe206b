// Only what the always-loaded part draws; the panel brings its own sheet.
export const toggleCss = `
.llmscope-root{--ls-font:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--ls-mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-family:var(--ls-font);font-size:12px;line-height:1.4;}
.toggle{position:fixed;display:inline-flex;align-items:center;gap:6px;height:30px;padding:0 10px;border-radius:15px;border:1px solid #3b4252;background:#0f172a;color:#e2e8f0;font:600 12px/1 var(--ls-font);cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);}
.toggle:hover{background:#1e293b}
.toggle:focus-visible{outline:2px solid #60a5fa;outline-offset:2px}
.toggle-bottom-right{right:14px;bottom:14px}.toggle-bottom-left{left:14px;bottom:14px}
.toggle-top-right{right:14px;top:14px}.toggle-top-left{left:14px;top:14px}
.toggle-mark{color:#a78bfa;font-size:14px}
.toggle-count{font-family:var(--ls-mono);background:#334155;border-radius:8px;padding:2px 6px}
.toggle-errors{font-family:var(--ls-mono);background:#dc2626;color:#fff;border-radius:8px;padding:2px 6px}
`;
