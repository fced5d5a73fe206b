export { classifyError, type ErrorSignals } from "./classify.ts";
export { errorHint, ERROR_KINDS, type HintContext } from "./hints.ts";
