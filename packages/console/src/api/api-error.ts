// What went wrong talking to the collector, worded for the operator.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
  get unauthorized(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** the problem+json `detail`/`title`, else the status line */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  let detail = "";
  try {
    const body = (await response.json()) as { detail?: string; title?: string };
    detail = body.detail ?? body.title ?? "";
  } catch {
    // not JSON: the status says enough
  }
  if (response.status === 401) return new ApiError(401, `The collector refused the read key${detail ? ` (${detail})` : ""}. Enter the key the collector was started with (--read-key).`);
  return new ApiError(response.status, `The collector answered ${response.status}${detail ? `: ${detail}` : ""}`);
}
