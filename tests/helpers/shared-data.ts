// ../shared/data holds public reference libraries next to the checkout; a user's fresh clone
// does not have it, so tests that read it skip with a printed reason.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const SHARED_DATA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
export const hasSharedData = existsSync(SHARED_DATA);
if (!hasSharedData) console.warn(`skipping tests on reference data: ${SHARED_DATA} is absent`);
