// The agent's one tool: a weather look-up the model can ask for. It answers
// from a small table after a short wait, as a real weather API call would.
import type OpenAI from "openai";

export const WEATHER_TOOL: OpenAI.Chat.ChatCompletionTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Current weather for a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
};

const WEATHER: Record<string, { temperatureC: number; conditions: string }> = {
  Oslo: { temperatureC: 9, conditions: "light rain" },
  Tokyo: { temperatureC: 24, conditions: "humid, cloudy" },
  Paris: { temperatureC: 17, conditions: "sunny spells" },
};

export const TOOL_DELAY_MS = 120;

/** runs the tool the model asked for; the JSON it returns goes back to the model */
export async function getWeather(argumentsJson: string): Promise<string> {
  const { city } = JSON.parse(argumentsJson) as { city?: string };
  await new Promise((resolve) => setTimeout(resolve, TOOL_DELAY_MS));
  const found = (city && WEATHER[city]) || { temperatureC: 15, conditions: "mild" };
  return JSON.stringify({ city: city ?? "unknown", ...found });
}
