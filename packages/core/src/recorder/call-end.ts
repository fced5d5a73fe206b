// Everything a call's end needs and the app's own path never does: the
// request read (URL and headers without secrets, prompt text, parameters),
// the error classification, the prompt's fingerprint, and the way out (estimate, price table, secrets scrub, redact,
// delivery; finish-call.ts). One chunk loaded lazily (#call-end, see call-end-lazy.ts), begun when
// the recorder starts recording, so none of it is in the main chunk.
export { classifyError } from "../errors/classify.ts";
export { fingerprintPrompt } from "../fingerprint/fingerprint-prompt.ts";
export { finishCall } from "./finish-call.ts";
export { safeHeaders } from "../secrets/index.ts";
export { readCallRequest } from "./read-call-request.ts";
