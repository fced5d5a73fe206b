// What #call-end-line is in Workers builds (the "workerd" condition): a Worker
// bundle inlines every dynamic import anyway, so what a call's end needs is
// linked in statically there, without the lazy module wrapper, and nothing
// waits for it: each end runs as it comes. Nor is any gathered (see
// call-end-line.ts): a request's timers end with it there, and one call's end
// must not wait on a timer another request set.
import { classifyError, finishCall, fingerprintPrompt, readCallRequest, safeHeaders } from "./call-end.ts";
import type { CallEnd, CallEndLine } from "./call-end-line.ts";

const callEnd: CallEnd = { classifyError, finishCall, fingerprintPrompt, readCallRequest, safeHeaders };

export const callEndLine = (): CallEndLine => ({ preload() {}, whenCallEnd: (use) => use(callEnd), runNow() {} });
