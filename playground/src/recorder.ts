// Imported first by main.tsx: the recorder must patch fetch before any SDK
// client is created, because openai and @anthropic-ai/sdk keep the fetch they
// see at construction.
import { beaconSink, createRecorder, type Sink } from "@llmscope/core";
import { indexedDBSink } from "@llmscope/core/indexeddb";

const sinks: Sink[] = [indexedDBSink()];
if (__LLMSCOPE_BEACON__) sinks.push(beaconSink({ url: __LLMSCOPE_BEACON__, writeKey: __LLMSCOPE_WRITE_KEY__ || undefined }));

export const recorder = createRecorder({ sinks, tags: { app: "playground" } });
recorder.install();
