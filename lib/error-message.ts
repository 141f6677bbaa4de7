/** What an error says, for messages and logs: its message (or name), or the thrown value as text. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}
