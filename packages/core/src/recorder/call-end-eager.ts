// What #load-call-end is in Workers builds (the "workerd" condition): a Worker
// bundle inlines every dynamic import anyway, so what a call's end needs is
// linked in statically there, without the lazy module wrapper, and no call
// waits for it.
import { classifyError, finishCall, fingerprintPrompt, readCallRequest, safeHeaders } from "./call-end.ts";
import type { CallEnd } from "./call-end-lazy.ts";

export type { CallEnd };

const callEnd: CallEnd = { classifyError, finishCall, fingerprintPrompt, readCallRequest, safeHeaders };

export const callEndNow = (): CallEnd => callEnd;

export const loadCallEnd = (): Promise<CallEnd> => Promise.resolve(callEnd);

/** never needed here: the chunk is always at hand */
export const withoutCallEnd: CallEnd = callEnd;
