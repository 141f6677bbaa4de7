// The browser's side of the REST API: one fetch wrapper that turns error bodies into ApiError.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

export async function api<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  const res = await fetch(url, {
    ...rest,
    headers: { ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...rest.headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(
      res.status,
      'bad_response',
      `the server answered ${res.status} with something that is not JSON`,
      null,
    );
  }
  if (!res.ok) {
    const err = (body as { error?: { code: string; message: string; details: unknown } })?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'error',
      err?.message ?? `request failed (${res.status})`,
      err?.details ?? null,
    );
  }
  return body as T;
}
