// Scores one candidate pair A → B: which of A's outputs feed which of B's inputs, the edge kind
// that follows (full / partial / prerequisite), a confidence and a one-line reason.
import { wholeOutput } from './fields';
import { guessInputsFromNames, NO_RETURNS_CAP } from './fallback';
import { explain, matchField, type FieldMatch, type MatchContext } from './match';
import { prerequisiteEvidence } from './prerequisite';
import { fieldFacts, type FunctionProfile } from './profile';
import { isCredentialName, isSecretName } from './tokens';
import type { EdgeKind, EdgeProposal } from './types';

/** A match this good is evidence on its own: it decides the kind and adds to the confidence. */
const STRONG = 0.5;
/** An edge resting only on generic names (status → status) stays below the default threshold. */
const GENERIC_ONLY_CAP = 0.25;
/**
 * A login that asks for a password takes its values from the user, not from other calls (the
 * author of a tweet is not someone to log in as): such edges stay below the default threshold.
 */
const INTO_LOGIN_CAP = 0.25;

const round = (x: number) => Math.round(x * 1000) / 1000;

// `matches` below: one per matched input of B, in B's parameter order.

/** The matches that decide the kind: the strong ones, or all of them when none is strong. */
function deciding(matches: FieldMatch[]): FieldMatch[] {
  const strong = matches.filter((m) => m.score >= STRONG && !m.generic);
  return strong.length > 0 ? strong : matches;
}

/** For each input of B, the best-fitting output of A (earlier fields win ties). */
function bestMatches(a: FunctionProfile, b: FunctionProfile, ctx: MatchContext): FieldMatch[] {
  const matches: FieldMatch[] = [];
  for (const param of b.inputs) {
    let best: FieldMatch | null = null;
    for (const field of a.outputs) {
      const m = matchField(a, field, b, param, ctx);
      if (m && (!best || m.score > best.score)) best = m;
    }
    if (best) matches.push(best);
  }
  return matches;
}

/** full: B's required inputs (or its only input) all filled as they are; partial otherwise. */
function coverage(b: FunctionProfile, matches: FieldMatch[]): { kind: EdgeKind; covered: number; required: number } {
  const filled = new Set(
    deciding(matches)
      .filter((m) => m.param.path === m.param.topLevel && m.flow !== 'into-list' && !m.generic)
      .map((m) => m.param.name),
  );
  const required = b.requiredInputs;
  const covered = required.filter((r) => filled.has(r)).length;
  const full =
    required.length > 0 ? covered === required.length : b.topInputs.length === 1 && filled.has(b.topInputs[0]);
  return { kind: full ? 'full' : 'partial', covered, required: required.length };
}

/** A flow made only of credentials, or of values a check just validated, is a prerequisite. */
function isPrerequisiteFlow(a: FunctionProfile, matches: FieldMatch[]): boolean {
  const decisive = deciding(matches);
  if (decisive.every(isCredential)) return true;
  return a.role.check && decisive.every((m) => isCredential(m) || a.inputKeys.has(m.field.key));
}

const isCredential = (m: FieldMatch) => isCredentialName(m.param.tokens);

function describe(
  a: FunctionProfile,
  b: FunctionProfile,
  matches: FieldMatch[],
  kind: EdgeKind,
  cov: ReturnType<typeof coverage>,
) {
  const A = a.fn.name;
  const B = b.fn.name;
  const main = matches.reduce((x, y) => (y.score > x.score ? y : x));
  const output = main.field.path === '' ? 'the output' : main.field.path;
  const element = main.flow === 'from-list' ? 'an element of ' : '';
  const into = main.flow === 'into-list' ? ` list` : '';
  let line =
    kind === 'prerequisite'
      ? `${A} must run first: its ${output} is ${B}'s ${main.param.path}`
      : `${element}${output} returned by ${A} is ${B}'s ${main.param.path}${into}`;
  if (main.evidence !== 'same-name') line += ` (${explain(main, a, b)})`;
  const others = matches.filter((m) => m !== main).map((m) => m.param.path);
  if (others.length > 0) line += `; also ${others.join(', ')}`;
  if (kind === 'partial' && cov.required > 0) line += `; covers ${cov.covered} of ${cov.required} required inputs`;
  return line;
}

function toProposal(
  a: FunctionProfile,
  b: FunctionProfile,
  matches: FieldMatch[],
  cap: number,
  prefix = '',
): EdgeProposal {
  const cov = coverage(b, matches);
  const kind: EdgeKind = isPrerequisiteFlow(a, matches) ? 'prerequisite' : cov.kind;
  const best = Math.max(...matches.map((m) => m.score));
  // Filling more of B's required inputs, and more strong matches, make the edge more certain.
  const share = cov.required > 0 ? cov.covered / cov.required : cov.kind === 'full' ? 1 : 0.5;
  const support = Math.min(3, matches.filter((m) => m.score >= STRONG && !m.generic).length - 1);
  const ceiling = matches.every((m) => m.generic) ? Math.min(cap, GENERIC_ONLY_CAP) : cap;
  let confidence = Math.min(ceiling, best * (0.8 + 0.2 * share) + 0.04 * Math.max(0, support));
  if (b.role.session && b.inputs.some((p) => isSecretName(p.tokens))) confidence = Math.min(confidence, INTO_LOGIN_CAP);
  return {
    fromId: a.fn.id,
    toId: b.fn.id,
    kind,
    confidence: round(confidence),
    mapping: matches.map((m) => ({ output: m.field.path, input: m.param.path })),
    reason: prefix + describe(a, b, matches, kind, cov),
  };
}

/** The edge A → B, or null when nothing links them. */
export function scorePair(a: FunctionProfile, b: FunctionProfile, ctx: MatchContext): EdgeProposal | null {
  let edge: EdgeProposal | null = null;
  if (a.outputs.length > 0) {
    const matches = bestMatches(a, b, ctx);
    if (matches.length > 0) edge = toProposal(a, b, matches, 0.99);
  } else {
    // No returns schema (or one with no fields, like `{}`): what A's name and description say
    // it produces, as its whole output.
    const guesses = guessInputsFromNames(a, b);
    if (guesses.length > 0) {
      const whole = fieldFacts(wholeOutput(a.subject));
      const matches = guesses.map((g): FieldMatch => ({
        ...g,
        field: whole,
        flow: 'value',
        evidence: 'name-guess',
        note: g.why,
        generic: false,
      }));
      const why = a.fn.returns === null ? 'no returns schema' : 'no output fields in the returns schema';
      edge = toProposal(a, b, matches, NO_RETURNS_CAP, `${why}: from names and descriptions: `);
    }
  }
  const pre = prerequisiteEvidence(a, b);
  if (pre && (!edge || pre.confidence > edge.confidence)) {
    return {
      fromId: a.fn.id,
      toId: b.fn.id,
      kind: 'prerequisite',
      confidence: pre.confidence,
      mapping: [],
      reason: pre.reason,
    };
  }
  return edge;
}
