// How a JSON answer's body is seen where the runtime may read a Response
// itself, past any method of ours (browsers' respondWith, a Worker, Deno or
// Bun returning it): a clone, read at once while the body is untouched. There
// Response is native, so the clone is a cheap tee. Node builds use
// watch-body.ts, which sees the app's own read instead.

export type BodySeen =
  | { text: string; bytes: number }
  /** the body failed: a cut connection, an abort */
  | { error: unknown }
  /** read past us (say, through Response.prototype.json.call): nothing to see */
  | { unseen: true };

// decode() without { stream } keeps no state between calls, so one serves all
const decoder = new TextDecoder();
/** bytes as text, as Response.text() decodes them (UTF-8, a leading BOM dropped) */
export const decode = (bytes: ArrayBuffer): string => decoder.decode(bytes);

/** what to tell `seen` of a read: the bytes as text (decoded before anyone else may transfer the buffer), or the failure, passed on */
export const seeing = (seen: (body: BodySeen) => void) => ({
  note: (buffer: ArrayBuffer): ArrayBuffer => {
    seen({ text: decode(buffer), bytes: buffer.byteLength });
    return buffer;
  },
  failed: (error: unknown): never => {
    seen({ error });
    throw error;
  },
});

/** reads a clone of the body, which must still be untouched */
/** (the tick the Node watch reads a clone at is no concern here: the clone is read at once) */
export function watchBody(response: Response, seen: (body: BodySeen) => void, _tick?: Promise<void>): void {
  const { note, failed } = seeing(seen);
  try {
    response.clone().arrayBuffer().then(note, failed).catch(() => {});
  } catch {
    seen({ unseen: true });
  }
}
