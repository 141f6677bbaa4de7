// When A has no returns schema (OpenAI tools, most ToolBench APIs) its output cannot be
// matched field by field; its name and description still say what it produces:
// `get_stock_symbol_by_name` produces a symbol, `create_ticket` a ticket (and so its id).
// Such matches map A's whole output ('') and are capped low: they are guesses.
import type { FieldFacts, FunctionProfile } from './profile';
import { isGenericName, sameStem } from './tokens';

/** No-returns evidence never claims more than this. */
export const NO_RETURNS_CAP = 0.5;

export interface GuessedInput {
  param: FieldFacts;
  score: number;
  why: string;
}

const covers = (needles: readonly string[], hay: readonly string[]) =>
  needles.length > 0 && needles.every((n) => hay.some((h) => sameStem(n, h)));

/** B's inputs that A's name or description suggest it produces, best evidence each. */
export function guessInputsFromNames(a: FunctionProfile, b: FunctionProfile): GuessedInput[] {
  const guesses: GuessedInput[] = [];
  for (const param of b.inputs) {
    if (param.path !== param.topLevel) continue;
    const p = param.tokens;
    const idLike = p.length > 1 && p[p.length - 1] === 'id';
    // For `booking_id` what A must produce is a booking; for `symbol`, a symbol.
    const wanted = idLike ? p.slice(0, -1) : p;
    if (wanted.length === 0 || (!idLike && isGenericName(p))) continue;
    // A that takes the same value (`get_ticket(ticket_id)`) consumes it rather than produces it.
    if (a.inputKeys.has(param.key)) continue;
    let best: GuessedInput | null = null;
    const offer = (score: number, why: string) => {
      if (!best || score > best.score) best = { param, score, why };
    };
    if (param.descWords.has(a.lowerName)) offer(0.5, `${param.name}'s description names ${a.fn.name}`);
    if (a.role.producer && covers(wanted, a.subject))
      offer(0.45, `${a.fn.name}'s name says it gives the ${wanted.join(' ')}`);
    if (a.summaryPhrase.includes(param.namePhrase)) offer(0.4, `${a.fn.name}'s description mentions ${param.name}`);
    if (best) guesses.push(best);
  }
  return guesses;
}
