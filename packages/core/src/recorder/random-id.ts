// crypto.randomUUID exists in browsers (secure contexts), Workers and Node;
// the fallback only keeps plain-http pages and old runtimes working.
export function randomId(): string {
  const uuid = globalThis.crypto?.randomUUID;
  if (typeof uuid === "function") return uuid.call(globalThis.crypto);
  let id = "";
  for (let i = 0; i < 32; i++) id += Math.floor(Math.random() * 16).toString(16);
  return `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
}
