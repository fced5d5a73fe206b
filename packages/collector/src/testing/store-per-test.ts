// A fresh store for each test of a describe block, closed after it: the
// store suites' shared setup.
import { afterEach, beforeEach } from "vitest";
import type { CallStore } from "../store/call-store.ts";
import type { OpenStore } from "../store/store-suite.ts";

/** call inside describe; the getter answers the running test's store */
export function storePerTest(open: OpenStore): () => CallStore {
  let current: { store: CallStore; close(): Promise<void> } | undefined;
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => current!.store;
}
