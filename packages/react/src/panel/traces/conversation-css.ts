// The transcript's sheet: the user's turns on the right, the answers on the left, like a chat.
export const conversationCss = `
.convo-head{display:flex;align-items:center;gap:12px;margin-bottom:8px}
.convo-head select{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--border);border-radius:4px;height:24px}
.turns{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px}
.turn{display:flex;flex-direction:column;gap:4px}
.bubble{max-width:78%;border:1px solid var(--border);border-radius:8px;padding:4px 10px 6px;background:var(--bg2)}
.bubble .text{max-height:180px;overflow:auto}
.bubble-user{align-self:flex-end;border-color:color-mix(in srgb,var(--in) 50%,var(--border));background:color-mix(in srgb,var(--in) 10%,var(--bg2))}
.bubble-assistant{align-self:flex-start;border-left:3px solid var(--out)}
.bubble-error{border-left-color:var(--err)}
.turn-foot{display:flex;flex-wrap:wrap;gap:4px 12px;margin-top:4px;color:var(--muted);font-size:11px}
`;
