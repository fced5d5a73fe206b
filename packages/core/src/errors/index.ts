export { classifyError, type ErrorSignals } from "./classify.ts";
export { errorHint, ERROR_KINDS } from "./hints.ts";
