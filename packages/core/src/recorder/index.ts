export { createRecorder, getRecorder } from "./create-recorder.ts";
