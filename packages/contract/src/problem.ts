/** An error answer of the node, read as RFC 9457 problem details with the node's stable `code`. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
  readonly in?: string;
}

/** One typed error for every refused call, whatever client made it. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiProblem';
  }

  /**
   * Reads a refused answer's body: problem details when the node wrote them, otherwise the status
   * (a proxy's HTML page, an empty body) so the caller still gets a code and a message.
   */
  static async fromResponse(response: Response): Promise<ApiProblem> {
    const text = await response.text().catch(() => '');
    let problem: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) problem = parsed as Record<string, unknown>;
    } catch {
      // Not JSON: keep the status as the code and the status text as the message.
    }
    const field = (key: string) => {
      const value = problem[key];
      return typeof value === 'string' ? value : undefined;
    };
    const errors = Array.isArray(problem['errors']) ? (problem['errors'] as FieldError[]) : [];
    return new ApiProblem(
      response.status,
      field('code') ?? String(response.status),
      field('detail') ?? field('title') ?? response.statusText,
      errors,
      field('requestId') ?? null,
    );
  }
}
