// Keyset pagination: the cursor is the (startedAt, id) of the last call on a
// page, so pages stay stable while new calls arrive.
export interface CursorPosition {
  startedAt: number;
  id: string;
}

export function encodeCursor(pos: CursorPosition): string {
  return btoa(JSON.stringify([pos.startedAt, pos.id])).replace(/=+$/, "");
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const [startedAt, id] = JSON.parse(atob(cursor)) as unknown[];
    if (typeof startedAt === "number" && typeof id === "string") return { startedAt, id };
  } catch {
    // fall through to the error below
  }
  throw new Error("cursor is not one this server issued");
}
