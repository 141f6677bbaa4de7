import type { Prisma } from '@/lib/db/client';
import { AppError } from '../errors';
import { unseal } from './secret-box';

/** A teacher's API key, where this process can read it: unsealed, or from the named variable. */
export function teacherApiKey(row: Pick<Prisma.TeacherGetPayload<object>, 'name' | 'apiKeyCipher' | 'apiKeyEnv'>) {
  if (row.apiKeyCipher) return unseal(row.apiKeyCipher);
  if (!row.apiKeyEnv) return undefined;
  const key = process.env[row.apiKeyEnv];
  if (!key)
    throw new AppError(
      'invalid',
      `the teacher "${row.name}" reads its API key from ${row.apiKeyEnv}, which is not set where this runs`,
    );
  return key;
}
