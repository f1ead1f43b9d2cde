/** A refusal from the API or the agent, with the stable code the page translates and explains. */
export class KioskError extends Error {
  constructor(
    readonly code: string | null,
    message: string,
    readonly params: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'KioskError';
  }
}

export function toKioskError(error: unknown): KioskError {
  if (error instanceof KioskError) return error;
  return new KioskError(null, error instanceof Error ? error.message : String(error));
}
