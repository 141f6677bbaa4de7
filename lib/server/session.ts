// The actor and database for server components and server actions.
import 'server-only';
import { cache } from 'react';
import { getDb } from '@/lib/db/client';
import { getLocalActor } from './actor';

export const getSession = cache(async () => {
  const db = getDb();
  const actor = await getLocalActor(db);
  return { db, actor };
});
