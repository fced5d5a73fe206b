export { createMockLLM } from "./handler.ts";
export type { MockOptions } from "./options.ts";
export { SCENARIOS, type ScenarioId } from "./scenarios.ts";
