/**
 * Thrown (as a rejected promise) by the handler for the `network` scenario,
 * just as fetch rejects when a connection drops. The Node server and the Vite
 * middleware answer it by destroying the socket.
 */
export class MockNetworkError extends TypeError {
  readonly mockNetworkFailure = true;
  constructor() {
    super("mock-llm: network failure (connection dropped)");
  }
}

export function isMockNetworkError(error: unknown): error is MockNetworkError {
  return typeof error === "object" && error !== null && (error as { mockNetworkFailure?: unknown }).mockNetworkFailure === true;
}
