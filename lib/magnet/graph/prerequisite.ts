// Prerequisite edges from name patterns, for pairs with no data flow: a login before the
// actions of its class, a check before what it checks (`check_tire_pressure` →
// `find_nearest_tire_shop`, `file_exists` → `download_file`), an opener before the functions
// using what it opened (`open_file` → `read_file`).
import type { FunctionProfile } from './profile';
import { isGenericName } from './tokens';

export interface PrerequisiteEvidence {
  confidence: number;
  reason: string;
}

/** B's description says it acts for a logged-in user. */
const LOGIN_STATED = 0.6;
/** B changes state (create, send, cancel...): usually guarded by the login. */
const LOGIN_ACTION = 0.35;
/** A checks or opens the very thing B works on. */
const SAME_SUBJECT = 0.45;

/** Non-generic words two names act on in common. */
function sharedSubject(a: FunctionProfile, b: FunctionProfile): string[] {
  const exclude = new Set(['exist', a.verb]);
  return a.subject.filter(
    (w) => !exclude.has(w) && !isGenericName([w]) && (b.subject.includes(w) || b.words.includes(w)),
  );
}

export function prerequisiteEvidence(a: FunctionProfile, b: FunctionProfile): PrerequisiteEvidence | null {
  const A = a.fn.name;
  const B = b.fn.name;
  if (a.role.session && !b.role.session && !b.role.sessionAdmin) {
    if (b.needsLogin)
      return { confidence: LOGIN_STATED, reason: `${A} logs in first: ${B} acts for the logged-in user` };
    if (b.role.action)
      return { confidence: LOGIN_ACTION, reason: `${A} logs in first: ${B} is an action of the same API` };
  }
  if ((a.role.check || a.role.opener) && !b.role.check && !b.role.opener) {
    const shared = sharedSubject(a, b);
    if (shared.length > 0) {
      const what = a.role.check ? 'checks' : 'opens';
      return {
        confidence: SAME_SUBJECT,
        reason: `${A} ${what} the ${shared.join(' ')} that ${B} works on, so it runs first`,
      };
    }
  }
  return null;
}
