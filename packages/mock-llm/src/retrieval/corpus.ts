// The documents every mock vector index holds: short passages on the topics the
// canned answers and the demo apps talk about, so a search finds something that
// fits the question.

export interface MockDocument {
  id: string;
  title: string;
  text: string;
  source: string;
}

export const DOCUMENTS: readonly MockDocument[] = [
  { id: "doc-weather-oslo", title: "Weather in Oslo", text: "Oslo weather in spring is mild, around 10 degrees Celsius, with rain showers and a light breeze from the west.", source: "weather/oslo.md" },
  { id: "doc-weather-tokyo", title: "Weather in Tokyo", text: "Tokyo weather in summer is hot and humid; the rainy season brings steady rain in June.", source: "weather/tokyo.md" },
  { id: "doc-weather-api", title: "Weather tool", text: "The get_weather tool returns the current temperature, conditions and wind for a city or location.", source: "tools/get_weather.md" },
  { id: "doc-paris", title: "Paris", text: "Paris is the capital of France; the city sits on the Seine and is known for the Louvre and the Eiffel Tower.", source: "travel/paris.md" },
  { id: "doc-berlin", title: "Berlin", text: "Berlin is the capital of Germany, a city of museums, parks and a famous wall.", source: "travel/berlin.md" },
  { id: "doc-caching", title: "Prompt caching", text: "Prompt caching reuses a repeated prompt prefix, so repeated requests cost fewer input tokens and return faster.", source: "guides/caching.md" },
  { id: "doc-streaming", title: "Streaming responses", text: "Streaming sends tokens as they are generated, so the user reads the first words while the model is still writing.", source: "guides/streaming.md" },
  { id: "doc-tokens", title: "Token usage", text: "Token usage counts input tokens from the prompt and output tokens from the completion; cost grows with both.", source: "guides/tokens.md" },
  { id: "doc-models", title: "Choosing a model", text: "A smaller model is often good enough for classification and extraction; a larger model helps with reasoning.", source: "guides/models.md" },
  { id: "doc-retries", title: "Rate limits and retries", text: "Rate limits answer 429; retries with exponential backoff and jitter smooth over brief limits.", source: "guides/retries.md" },
  { id: "doc-prompts", title: "Writing prompts", text: "A good prompt states the task, the output format and one clear example.", source: "guides/prompts.md" },
  { id: "doc-rag", title: "Retrieval-augmented generation", text: "Retrieval-augmented generation searches a vector index for documents related to the question and adds them to the prompt.", source: "guides/rag.md" },
  { id: "doc-embeddings", title: "Embeddings", text: "Embeddings turn text into vectors; texts with similar meaning have vectors with a high cosine similarity.", source: "guides/embeddings.md" },
  { id: "doc-latency", title: "Latency", text: "Latency of a request adds up from retrieval, preprocessing, model inference and tool calls; measure each part.", source: "guides/latency.md" },
  { id: "doc-water", title: "Boiling water", text: "Water boils at one hundred degrees Celsius at sea level, and at a lower temperature in the mountains.", source: "science/water.md" },
  { id: "doc-sky", title: "Why the sky is blue", text: "The sky is blue because air scatters blue sunlight more than red light (Rayleigh scattering).", source: "science/sky.md" },
];
