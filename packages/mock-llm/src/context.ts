import type { PromptCache } from "./content/prompt-cache.ts";
import type { Timing } from "./options.ts";
import type { Route } from "./routes.ts";
import type { ErrorScenario, ScenarioId } from "./scenarios.ts";
import type { Delays } from "./stream/delays.ts";

/** How one provider spells its headers and its errors. */
export interface ProviderProtocol {
  readonly name: string;
  /** headers the provider adds to every response (request ids and the like) */
  headers(ctx: MockContext): Record<string, string>;
  /** the HTTP error a scenario stands for, with the provider's exact body */
  errorResponse(scenario: ErrorScenario, ctx: MockContext): Response;
  /** a 400 for a body the provider could not accept */
  invalidRequest(message: string, ctx: MockContext): Response;
}

export interface MockContext {
  request: Request;
  url: URL;
  route: Route;
  /** the parsed JSON body (an object; anything else was rejected before) */
  body: Record<string, unknown>;
  scenario: ScenarioId;
  timing: Timing;
  delays: Delays;
  /** non-zero when the caller asked for varied answers (`temperature` > 0 and `x-mock-vary: 1`) */
  salt: number;
  cache: PromptCache;
  requestId: string;
  /** epoch seconds, for `created` fields */
  createdAt: number;
  protocol: ProviderProtocol;
}

export type EndpointHandler = (ctx: MockContext) => Response | Promise<Response>;
