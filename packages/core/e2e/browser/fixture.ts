// What the browser tests drive through page.evaluate: the real packages, as an
// app imports them, plus call builders.
import { beaconSink, createRecorder } from "@llmscope/core";
import { indexedDBSink } from "@llmscope/core/indexeddb";
import { makeCall, makeRecordedCall, recordingContext, T0 } from "../../src/indexeddb/test-calls.ts";

const fixture = { beaconSink, createRecorder, indexedDBSink, makeCall, makeRecordedCall, recordingContext, T0 };

export type Fixture = typeof fixture;

declare global {
  interface Window {
    fx: Fixture;
    /** anything a test keeps on the page between evaluations */
    kept: Record<string, any>;
  }
}

window.fx = fixture;
window.kept = {};
document.title = "ready";
