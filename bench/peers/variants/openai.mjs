// One openai SDK for every variant, loaded as CommonJS: the instrumentations
// patch the module's classes, which an ESM namespace would not let them reach.
// And a second instance of the same SDK, loaded apart before any variant is set
// up, which no instrumentation patches: the bare SDK beside a variant in its
// own process (variant.mjs), as the same code with nothing added.
import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(import.meta.url);
export const openaiModule = require("openai");
const sdkFiles = Object.keys(require.cache).filter((file) => file.startsWith(`${dirname(require.resolve("openai"))}/`));
const shared = sdkFiles.map((file) => [file, require.cache[file]]);
for (const file of sdkFiles) delete require.cache[file];
const apartModule = require("openai");
// every later require of the SDK (an instrumentation's own) gets the shared instance again
for (const [file, entry] of shared) require.cache[file] = entry;
if (apartModule.OpenAI === openaiModule.OpenAI) throw new Error("the openai SDK could not be loaded a second time");

const clientOf = (sdk) => (mockUrl, extra = {}) => new sdk.OpenAI({ apiKey: "sk-bench", baseURL: `${mockUrl}/v1`, maxRetries: 0, ...extra });
export const client = clientOf(openaiModule);
/** the bare SDK from the instance no variant touches */
export const apartClient = clientOf(apartModule);
