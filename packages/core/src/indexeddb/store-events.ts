// Tells this tab's listeners, and through a BroadcastChannel every other tab's,
// that calls were stored, so a devtools panel anywhere updates without polling.

export type StoreChange =
  | { type: "stored"; ids: string[] }
  | { type: "feedback"; id: string }
  | { type: "trace"; id: string }
  | { type: "pruned"; count: number }
  | { type: "cleared" };

/** remote: the change happened in another tab (or another sink on the same database) */
export type StoreEvent = StoreChange & { remote: boolean };

const TYPES = new Set(["stored", "feedback", "trace", "pruned", "cleared"]);

export interface StoreEvents {
  subscribe(listener: (event: StoreEvent) => void): () => void;
  publish(change: StoreChange): void;
  close(): void;
}

/** channelName false: this tab only */
export function storeEvents(channelName: string | false, onError: (err: unknown) => void): StoreEvents {
  const listeners = new Set<(event: StoreEvent) => void>();
  let channel: BroadcastChannel | undefined;
  const emit = (event: StoreEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        onError(err);
      }
    }
  };
  // opened on first use, never at import time
  const open = () => {
    if (channel || !channelName || typeof BroadcastChannel != "function") return;
    channel = new BroadcastChannel(channelName);
    // Node: a channel must not keep the process alive
    (channel as { unref?: () => void }).unref?.();
    channel.onmessage = ({ data }: MessageEvent) => {
      if (data && TYPES.has(data.type)) emit({ ...(data as StoreChange), remote: true });
    };
  };
  return {
    subscribe(listener) {
      open();
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    publish(change) {
      open();
      emit({ ...change, remote: false });
      try {
        channel?.postMessage(change);
      } catch (err) {
        onError(err);
      }
    },
    close() {
      channel?.close();
      channel = undefined;
    },
  };
}
