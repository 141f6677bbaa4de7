// Route handlers stay thin: find the actor, parse, call the use case, map errors to HTTP.
import 'server-only';
import { NextResponse } from 'next/server';
import { getDb, type Db } from '@/lib/db/client';
import { getLocalActor, type Actor } from '@/lib/server/actor';
import { AppError, isAppError } from '@/lib/server/errors';

export interface RequestContext {
  db: Db;
  actor: Actor;
}

type Params = Record<string, string>;

export function handle<P extends Params>(fn: (req: Request, ctx: RequestContext, params: P) => Promise<unknown>) {
  return async (req: Request, route: { params: Promise<P> }) => {
    try {
      const db = getDb();
      const actor = await getLocalActor(db);
      const result = await fn(req, { db, actor }, await route.params);
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export function errorResponse(e: unknown): Response {
  if (isAppError(e)) {
    return NextResponse.json(
      { error: { code: e.code, message: e.message, details: e.details ?? null } },
      { status: e.status },
    );
  }
  // Unexpected errors are logged on the server with their stack; the client gets no internals.
  console.error(e);
  return NextResponse.json(
    { error: { code: 'internal', message: 'something went wrong on the server; the error was logged' } },
    { status: 500 },
  );
}

/** Reads a JSON body; malformed JSON is a 400, not a 500. */
export async function jsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid', 'the request body is not valid JSON');
  }
}

export function searchParams(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
