// Everything the heuristic needs to know about one function, computed once: its outputs and
// inputs flattened, the words of its name and description, and the role its name suggests
// (a login, a check, an opener). Scoring then compares profiles without re-reading schemas.
import { flattenSchema, type SchemaField } from './fields';
import { identifierWords, isGenericName, nameTokens, phrase, splitWords, textTokens } from './tokens';
import type { GraphFunction } from './types';

/** A field with what matching asks of it over and over, computed once. */
export interface FieldFacts extends SchemaField {
  /** Name words joined by spaces: `booking id`. */
  key: string;
  /** Padded phrases (tokens.phrase) of the name and of its last word, to look for in descriptions. */
  namePhrase: string;
  head: string;
  headPhrase: string;
  generic: boolean;
  headGeneric: boolean;
  /** The name ends in `id`. */
  isId: boolean;
  isArray: boolean;
  descPhrase: string;
  descSet: Set<string>;
  /** Raw words of the description, to see function names quoted there. */
  descWords: Set<string>;
}

export function fieldFacts(f: SchemaField): FieldFacts {
  const head = f.tokens[f.tokens.length - 1] ?? '';
  // Built field by field (no spread): profiles are made for every function of large libraries.
  return {
    path: f.path,
    name: f.name,
    tokens: f.tokens,
    context: f.context,
    // 'null' only says a value may be missing; it never decides whether two fields fit.
    types: f.types.filter(notNull),
    itemTypes: f.itemTypes.filter(notNull),
    inArray: f.inArray,
    required: f.required,
    topLevel: f.topLevel,
    description: f.description,
    descTokens: f.descTokens,
    key: f.tokens.join(' '),
    namePhrase: phrase(f.tokens),
    head,
    headPhrase: phrase([head]),
    generic: isGenericName(f.tokens),
    headGeneric: isGenericName([head]),
    isId: head === 'id',
    isArray: f.types.includes('array'),
    descPhrase: phrase(f.descTokens),
    descSet: new Set(f.descTokens),
    descWords: identifierWords(f.description),
  };
}

const notNull = (t: string) => t !== 'null';

export interface FunctionProfile {
  fn: GraphFunction;
  /** Normalized words of the name. */
  words: string[];
  /** The action word of the name (`get`, `book`, `cancel`), '' when none is recognised. */
  verb: string;
  /** What the name acts on: `get_symbol_by_name` → [symbol], `startEngine` → [engine]. */
  subject: string[];
  /** Words of name + summary, for "is this function about bookings?". */
  about: string[];
  /** Phrase string (see tokens.phrase) of the description without a class preamble. */
  summaryPhrase: string;
  outputs: FieldFacts[];
  inputs: FieldFacts[];
  /** Joined name words of the function's own top-level inputs: an output echoing one is weaker evidence. */
  inputKeys: Set<string>;
  /** Top-level parameters, and the required ones. */
  topInputs: string[];
  requiredInputs: string[];
  /** Lower-case name, as it appears when a description quotes it. */
  lowerName: string;
  role: {
    /** Opens a session: login, authenticate, connect. */
    session: boolean;
    /** Ends a session or reports on one: logout, get_login_status. */
    sessionAdmin: boolean;
    /** Checks or validates something: check_*, verify_*, validate_*, *_exists. */
    check: boolean;
    /** Opens or starts something that others then use: open_*, start_*. */
    opener: boolean;
    /** Its verb produces something (get, create, search...): used when there is no returns schema. */
    producer: boolean;
    /** Changes state (create, send, cancel...): actions a login usually guards. */
    action: boolean;
  };
  /** B's description says it acts for a logged-in user ("for the authenticated user", "current user"). */
  needsLogin: boolean;
}

const PRODUCER_VERBS = new Set(
  (
    'get list find search fetch retrieve lookup look query read view show create add register book place generate ' +
    'new open start make issue compute calculate convert estimate request post send upload submit login auth connect'
  ).split(' '),
);
const ACTION_VERBS = new Set(
  (
    'create add post send delete remove update edit set place cancel make fund book purchase buy sell transfer pay ' +
    'register submit close resolve follow unfollow upload write move copy rename reply invite assign approve reject ' +
    'schedule deposit withdraw refund order'
  ).split(' '),
);
const OTHER_VERBS = new Set(
  (
    'check verify validate display track select merge escalate freeze dispute stop open start connect disconnect ' +
    'login logout auth count filter notify activate adjust fill press release lock unlock download mention comment ' +
    'share like contact apply sort diff grep cat echo'
  ).split(' '),
);
const CHECK_VERBS = new Set(['check', 'verify', 'validate']);
const OPENER_VERBS = new Set(['open', 'start', 'begin', 'init', 'initialize', 'mount']);
/** Words after which a name says what the function takes, not what it returns (`get_symbol_by_name`). */
const CUT_WORDS = new Set(['by', 'from', 'for', 'with', 'based', 'using', 'via', 'in', 'of']);

const isVerb = (w: string) => PRODUCER_VERBS.has(w) || ACTION_VERBS.has(w) || OTHER_VERBS.has(w);

/** Strips a class preamble so class-wide words do not make every function look "about" them. */
function summaryOf(description: string): string {
  const marker = description.indexOf('Tool description:');
  return marker >= 0 ? description.slice(marker + 'Tool description:'.length).trim() : description;
}

function verbAndSubject(name: string): { verb: string; subject: string[] } {
  // Raw words, so that "by" / "from" still cut the name before stopwords are dropped.
  const raw = splitWords(name);
  const words: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if ((raw[i] === 'log' || raw[i] === 'sign') && raw[i + 1] === 'in') {
      words.push('login');
      i++;
    } else if (CUT_WORDS.has(raw[i])) words.push('|');
    else words.push(...nameTokens(raw[i]));
  }
  const at = words.findIndex(isVerb);
  const verb = at >= 0 ? words[at] : '';
  const after = at >= 0 ? words.slice(at + 1) : words;
  const cut = after.indexOf('|');
  let subject = (cut >= 0 ? after.slice(0, cut) : after).filter((w) => w !== '|' && w !== 'all');
  // `message_login`: the subject is what comes before the verb.
  if (subject.length === 0) subject = words.slice(0, Math.max(at, 0)).filter((w) => w !== '|');
  // A one-word name (`comment`, `cat`) is both its verb and its subject.
  if (subject.length === 0 && verb) subject = [verb];
  return { verb, subject };
}

/** Words by which a description says it acts for a logged-in user (phrases of normalized words). */
const LOGIN_PHRASES = [' auth ', ' current user ', ' logged ', ' login ', ' session '];

export function profileFunction(fn: GraphFunction): FunctionProfile {
  const words = nameTokens(fn.name);
  const { verb, subject } = verbAndSubject(fn.name);
  const summary = summaryOf(fn.description);
  const summaryWords = textTokens(summary);
  // A whole-value output (a bare string) is named after what the function returns.
  const outputs = flattenSchema(fn.returns).map((f) => fieldFacts(f.path === '' ? { ...f, tokens: subject } : f));
  const inputs = flattenSchema(fn.parameters).map(fieldFacts);
  const top = inputs.filter((f) => f.path === f.topLevel);
  const inWords = new Set(words);
  const isSessionWord = words.includes('login') || words.includes('auth') || verb === 'connect';
  const sessionAdmin = words.includes('logout') || words.includes('status') || verb === 'disconnect';
  const needsLoginText = [summary, ...inputs.map((f) => f.description)].map((t) => phrase(textTokens(t))).join('');
  return {
    fn,
    words,
    verb,
    subject,
    about: [...new Set([...words, ...summaryWords])],
    summaryPhrase: phrase(summaryWords),
    outputs,
    inputs,
    inputKeys: new Set(top.map((f) => f.key)),
    topInputs: top.map((f) => f.name),
    requiredInputs: top.filter((f) => f.required).map((f) => f.name),
    lowerName: fn.name.toLowerCase(),
    role: {
      session: isSessionWord && !sessionAdmin,
      sessionAdmin: sessionAdmin && (isSessionWord || words.includes('logout')),
      check: CHECK_VERBS.has(verb) || inWords.has('exist'),
      opener: OPENER_VERBS.has(verb),
      producer: verb === '' || PRODUCER_VERBS.has(verb),
      action: ACTION_VERBS.has(verb),
    },
    needsLogin: LOGIN_PHRASES.some((p) => needsLoginText.includes(p)),
  };
}
