// Keyset pagination: the cursor is the (startedAt, id) of the last call on a
// page, so pages stay stable while new calls arrive. It is base64url of UTF-8
// JSON, so any id fits and the cursor needs no escaping in a query string;
// cursors issued as plain base64 before still decode.
export interface CursorPosition {
  startedAt: number;
  id: string;
}

export function encodeCursor(pos: CursorPosition): string {
  const bytes = new TextEncoder().encode(JSON.stringify([pos.startedAt, pos.id]));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/=+$/, "").replaceAll("+", "-").replaceAll("/", "_");
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    // "+" arrives as a space when an old cursor was put in a URL unescaped
    const binary = atob(cursor.replace(/[-_ ]/g, (c) => (c === "_" ? "/" : "+")));
    const [startedAt, id] = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as unknown[];
    if (typeof startedAt === "number" && typeof id === "string") return { startedAt, id };
  } catch {
    // fall through to the error below
  }
  throw new Error("cursor is not one this server issued");
}
