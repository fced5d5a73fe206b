export { createRecorder, getRecorder } from "./create-recorder.ts";
export { callId } from "./call-id.ts";
