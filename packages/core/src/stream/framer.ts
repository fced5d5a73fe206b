// A framer turns decoded text, arriving in arbitrary pieces, into whole stream
// events. Splits never matter: the same events come out however the text is cut.
import type { StreamEvent } from "../providers/types.ts";

export interface Framer {
  /** feed the next piece of decoded text */
  push(text: string): void;
  /** the body ended: emit whatever complete-enough event is still pending */
  end(): void;
}

export type EventSink = (event: StreamEvent) => void;
