// OpenAI's cookbook formula for chat models since gpt-3.5-turbo-0613 / gpt-4:
// every message is wrapped as <|start|>{role}\n{content}<|end|>\n (3 tokens
// besides role and content) and every reply is primed with
// <|start|>assistant<|message|> (3 tokens).
export const TOKENS_PER_MESSAGE = 3;
export const REPLY_PRIMING_TOKENS = 3;
