// How well one output field of A fits one input parameter of B, from names, types and
// descriptions: a score in 0..1 and the evidence behind it. The proposer calls this for every
// (param, field) pair of every candidate pair, so it allocates nothing on the way to a "no"
// and builds its explanation only when asked (`explain`).
import type { FieldFacts, FunctionProfile } from './profile';
import { sameStem } from './tokens';

/** How the value moves: as is, as one element put into a list B takes, or one element taken from a list A returns. */
export type ElementFlow = 'value' | 'into-list' | 'from-list';

export type Evidence =
  | 'same-name'
  | 'id-in-context'
  | 'id-of-subject'
  | 'id-in-description'
  | 'id-about'
  | 'bare-id-param'
  | 'names-overlap'
  | 'param-desc-names-a'
  | 'field-desc-names-b'
  | 'param-desc-mentions-field'
  | 'param-desc-mentions-head'
  | 'field-desc-mentions-param'
  | 'field-desc-mentions-head'
  | 'name-guess';

export interface FieldMatch {
  field: FieldFacts;
  param: FieldFacts;
  score: number;
  flow: ElementFlow;
  evidence: Evidence;
  /** The output's name is generic (status, result...): the match alone proves little. */
  generic: boolean;
  /** Set for no-returns guesses (fallback.ts), which explain themselves. */
  note?: string;
}

/** Per-category facts the matcher needs. */
export interface MatchContext {
  /** Output names (joined words) returned by a large share of the category's functions. */
  commonKeys: ReadonlySet<string>;
}

/** Below this a pair of fields is not a match at all. */
const MATCH_FLOOR = 0.35;
/** Generic names (status, result, ...) keep this share of their score. */
const GENERIC_WEIGHT = 0.4;
/**
 * Names most functions of the category return (`username` on every tweet) say less than rare
 * ones, but unlike generic names they still mean something. Ids are exempt: an id every
 * function returns (`ticket_id`) is the backbone of the class, exactly what links it.
 */
const COMMON_WEIGHT = 0.75;
/** An output that only echoes one of A's own inputs tells the caller nothing new. */
const ECHO_WEIGHT = 0.7;
/** A description naming only the last word of a name (`airport` of `nearest_airport`): a hint, never decisive. */
const HEAD_ONLY = 0.45;

const NUMERIC = new Set(['integer', 'number']);
const ID_VALUES = new Set(['string', 'integer', 'number']);
const isNumeric = (t: string) => NUMERIC.has(t);
const isIdValue = (t: string) => ID_VALUES.has(t);

/** 0..1: can a value of types `from` go where `to` is expected? Unknown types fit loosely. ('null' is stripped.) */
function typesFit(to: readonly string[], from: readonly string[], idLike: boolean): number {
  if (to.length === 0 || from.length === 0) return 0.8;
  for (const t of to) if (from.includes(t)) return 1;
  if (to.every(isNumeric) && from.every(isNumeric)) return 1;
  // Ids travel as strings in one API and numbers in the next.
  if (to.every(isIdValue) && from.every(isIdValue)) return idLike ? 0.9 : 0.4;
  return 0;
}

/** How a value moves between a list and a single value. */
function flowOf(param: FieldFacts, field: FieldFacts): ElementFlow {
  if (param.isArray === field.isArray) return 'value';
  return param.isArray ? 'into-list' : 'from-list';
}

/** Type fit of `field` for `param`, element types where one side is a list. */
function typeFit(param: FieldFacts, field: FieldFacts, idLike: boolean): number {
  if (param.isArray && !field.isArray) return typesFit(param.itemTypes, field.types, idLike);
  if (field.isArray && !param.isArray) return typesFit(param.types, field.itemTypes, idLike);
  if (param.isArray) return typesFit(param.itemTypes, field.itemTypes, idLike);
  return typesFit(param.types, field.types, idLike);
}

/** Every word of `needles[from..to)` has a same-stem word in `hay`. */
function within(needles: readonly string[], from: number, to: number, hay: readonly string[]): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    let found = false;
    for (const h of hay) {
      if (sameStem(needles[i], h)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function allIn(small: readonly string[], large: readonly string[]): boolean {
  for (const w of small) if (!large.includes(w)) return false;
  return true;
}

interface Scored {
  score: number;
  evidence: Evidence | null;
}
const NONE: Scored = { score: 0, evidence: null };

/** Evidence from the two names alone. */
function nameEvidence(param: FieldFacts, field: FieldFacts, a: FunctionProfile, b: FunctionProfile): Scored {
  const p = param.tokens;
  const f = field.tokens;
  if (p.length > 0 && param.key === field.key) return { score: 1, evidence: 'same-name' };

  // B takes `ticket_id`, A returns a bare `id`: whose id? Its parents, A's name or descriptions say.
  if (param.isId && field.key === 'id' && p.length > 1) {
    const n = p.length - 1;
    if (within(p, 0, n, field.context)) return { score: 0.9, evidence: 'id-in-context' };
    if (within(p, 0, n, a.subject)) return { score: 0.85, evidence: 'id-of-subject' };
    if (within(p, 0, n, field.descTokens)) return { score: 0.8, evidence: 'id-in-description' };
    if (within(p, 0, n, a.about)) return { score: 0.6, evidence: 'id-about' };
    return NONE;
  }
  // B takes a bare `id`, A returns `ticket_id`: fine when B is about tickets.
  if (param.key === 'id' && field.isId && f.length > 1) {
    const n = f.length - 1;
    if (within(f, 0, n, b.subject) || within(f, 0, n, param.descTokens))
      return { score: 0.85, evidence: 'bare-id-param' };
    return NONE;
  }

  // One name inside the other: `username` → `username_to_follow`. Ids must agree on being ids.
  const pSmall = p.length <= f.length;
  const small = pSmall ? param : field;
  const large = pSmall ? field : param;
  if (
    small.tokens.length > 0 &&
    small.tokens.length < large.tokens.length &&
    !small.generic &&
    param.isId === field.isId &&
    allIn(small.tokens, large.tokens)
  ) {
    return { score: 0.55 + 0.25 * (small.tokens.length / large.tokens.length), evidence: 'names-overlap' };
  }
  return NONE;
}

/** Share of the parameter's words found in the field's name or enclosing objects. */
function overlap(param: FieldFacts, field: FieldFacts): number {
  const p = param.tokens;
  if (p.length === 0) return 0;
  let shared = 0;
  for (const w of p) if (field.tokens.includes(w) || field.context.includes(w)) shared++;
  return shared / p.length;
}

/** Evidence from descriptions: one side's description names the other side. */
function descriptionEvidence(param: FieldFacts, field: FieldFacts, a: FunctionProfile, b: FunctionProfile): Scored {
  // "Flight identifier from search_flights" / "pass it to get_flight_details": the pair is meant,
  // and the field and parameter sharing a word says which field goes where.
  const namesA = param.descWords.has(a.lowerName);
  const namesB = field.descWords.has(b.lowerName);
  if (namesA || namesB) {
    const o = overlap(param, field);
    if (o > 0) return { score: 0.6 + 0.3 * o, evidence: namesA ? 'param-desc-names-a' : 'field-desc-names-b' };
  }
  // B's parameter is described with A's field name: receiver_id "User ID of the user to send to".
  // (Both phrases contain the field's last word: a set look-up rules most pairs out first.)
  if (field.tokens.length > 0 && !field.generic && param.descSet.has(field.head)) {
    if (param.descPhrase.includes(field.namePhrase)) return { score: 0.7, evidence: 'param-desc-mentions-field' };
    if (field.tokens.length > 1 && !field.headGeneric && param.descPhrase.includes(field.headPhrase))
      return { score: HEAD_ONLY, evidence: 'param-desc-mentions-head' };
  }
  // A's field is described with B's parameter name: order_history "List of orders ID".
  if (param.tokens.length > 0 && !param.generic && field.descSet.has(param.head)) {
    if (field.descPhrase.includes(param.namePhrase)) return { score: 0.7, evidence: 'field-desc-mentions-param' };
    if (param.tokens.length > 1 && !param.headGeneric && !param.isId && field.descPhrase.includes(param.headPhrase))
      return { score: HEAD_ONLY, evidence: 'field-desc-mentions-head' };
  }
  return NONE;
}

/** Score of A's output `field` for B's input `param`; null below MATCH_FLOOR. */
export function matchField(
  a: FunctionProfile,
  field: FieldFacts,
  b: FunctionProfile,
  param: FieldFacts,
  ctx: MatchContext,
): FieldMatch | null {
  const idLike = param.isId || field.isId;
  const fit = typeFit(param, field, idLike);
  if (fit === 0) return null;

  const byName = nameEvidence(param, field, a, b);
  const byText = byName.score < 0.9 ? descriptionEvidence(param, field, a, b) : NONE;
  const best = byText.score > byName.score ? byText : byName;
  if (best.evidence === null) return null;

  let score = best.score * fit;
  // A bare `id` resolved to an entity above is specific, not generic; so is any field of a
  // pair that a description names outright ("the code returned by lookup_code").
  const named = best.evidence === 'param-desc-names-a' || best.evidence === 'field-desc-names-b';
  const generic = field.generic && !named && !(field.key === 'id' && byName.score > 0);
  if (generic) score *= GENERIC_WEIGHT;
  else if (!idLike && ctx.commonKeys.has(field.key)) score *= COMMON_WEIGHT;
  // Also nested: book_flight's `booking_history.travel_from` repeats its own `travel_from`.
  if (a.inputKeys.has(field.key)) score *= ECHO_WEIGHT;
  if (score < MATCH_FLOOR) return null;
  return { field, param, score, flow: flowOf(param, field), evidence: best.evidence, generic };
}

/** The evidence of a match in a few words, e.g. "id of the ticket create_ticket returns". */
export function explain(m: FieldMatch, a: FunctionProfile, b: FunctionProfile): string {
  const entity = (tokens: readonly string[]) => tokens.slice(0, -1).join(' ');
  switch (m.evidence) {
    case 'same-name':
      return 'same name';
    case 'id-in-context':
    case 'id-in-description':
      return `id of the ${entity(m.param.tokens)}`;
    case 'id-of-subject':
      return `id of the ${entity(m.param.tokens)} ${a.fn.name} returns`;
    case 'id-about':
      return `id, and ${a.fn.name} is about ${entity(m.param.tokens)}`;
    case 'bare-id-param':
      return `${entity(m.field.tokens)} id, which ${b.fn.name} takes as id`;
    case 'names-overlap':
      return 'names overlap';
    case 'param-desc-names-a':
      return `${m.param.name}'s description names ${a.fn.name}`;
    case 'field-desc-names-b':
      return `${m.field.path}'s description names ${b.fn.name}`;
    case 'param-desc-mentions-field':
      return `${m.param.name}'s description mentions "${m.field.key}"`;
    case 'param-desc-mentions-head':
      return `${m.param.name}'s description mentions "${m.field.head}"`;
    case 'field-desc-mentions-param':
      return `${m.field.path}'s description mentions "${m.param.key}"`;
    case 'field-desc-mentions-head':
      return `${m.field.path}'s description mentions "${m.param.head}"`;
    case 'name-guess':
      return m.note ?? '';
  }
}
