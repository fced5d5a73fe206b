// Bodies read before anyone is known (sendBeacon carries its key inside the
// body) are bounded in number: past the limit a keyless request is answered
// 503 at once instead of joining the ones the server already holds in memory.
import { HttpError } from "./responses.ts";

export interface KeylessBodies {
  read<T>(work: () => Promise<T>): Promise<T>;
}

export function createKeylessBodies(max: number): KeylessBodies {
  let active = 0;
  return {
    async read(work) {
      if (active >= max) throw new HttpError(503, `${max} requests without a key are already sending bodies; retry shortly, or send the key in a header`, { "retry-after": "1" });
      active++;
      try {
        return await work();
      } finally {
        active--;
      }
    },
  };
}
