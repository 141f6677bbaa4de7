// Small text helpers the providers share for what they record and report.

/** Whitespace collapsed, cut at `max` characters: for one-line error messages. */
export function oneLine(text: string, max = 300): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** A body as JSON when it is JSON, else the text itself. */
export function parseBody(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
