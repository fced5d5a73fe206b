// Styles only the Quality view uses, shipped in its lazy chunk.
export const qualityViewCss = `
.q-hist{display:flex;align-items:flex-end;gap:6px;height:96px;padding-top:4px}
.q-hist-col{flex:1;display:flex;flex-direction:column;align-items:center;justify-content:flex-end;gap:2px}
.q-hist-bar{display:block;width:100%;min-height:1px;border-radius:2px 2px 0 0}
.q-lowest{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:4px}
.q-lowest li{display:flex;gap:8px;align-items:baseline;min-width:0}.q-snippet{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
`;
