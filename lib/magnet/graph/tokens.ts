// Words out of identifiers and descriptions, normalized so that the spellings APIs use for one
// thing compare equal: `bookingId` = `booking_id`, `orders` = `order`, `qty` = `quantity`.
// Everything the edge heuristic compares goes through here, so the rules live in one place.

/** Abbreviations and near-synonyms mapped to one canonical word (kept short on purpose: each one is a guess). */
const CANONICAL: Record<string, string> = {
  ids: 'id',
  identifier: 'id',
  identifiers: 'id',
  uuid: 'id',
  guid: 'id',
  num: 'number',
  qty: 'quantity',
  addr: 'address',
  msg: 'message',
  desc: 'description',
  amt: 'amount',
  acct: 'account',
  txn: 'transaction',
  xact: 'transaction',
  dir: 'directory',
  folder: 'directory',
  src: 'source',
  dest: 'destination',
  temp: 'temperature',
  pwd: 'password',
  passwd: 'password',
  img: 'image',
  doc: 'document',
  ccy: 'currency',
  usr: 'user',
  tel: 'phone',
  authenticate: 'auth',
  authenticated: 'auth',
  authentication: 'auth',
  authorize: 'auth',
  authorization: 'auth',
  signin: 'login',
  logon: 'login',
};

/** Words that carry no meaning in a name or a description. */
const STOPWORDS = new Set(
  (
    'a an the of to for by from in on at with and or is are be been this that these those it its as if not ' +
    'your you our we their his her he she they them which what who whom when where will can may should must ' +
    'use used using given specified specific one e g eg i.e ie etc such than then there here also only each ' +
    'true false otherwise default defaults none null return returns returned whether into via per'
  ).split(' '),
);

/** Words that only say how a value is stored (`current_time_str`, `stock_list`): dropped from names. */
const STORAGE_WORDS = new Set(['str', 'string', 'list', 'array', 'arr', 'dict', 'map', 'collection', 'obj', 'object']);

/**
 * Field and parameter names so common in APIs that an equal name is little evidence of a data
 * flow (`status` → `status`); they keep a small weight so they never flood the graph.
 */
const GENERIC_NAMES = new Set([
  'id',
  'status',
  'message',
  'result',
  'success',
  'error',
  'ok',
  'data',
  'response',
  'output',
  'info',
  'information',
  'detail',
  'name',
  'type',
  'count',
  'total',
  'content',
  'description',
  'title',
  'value',
  'text',
  'note',
  'reason',
  'flag',
  'state',
  'mode',
  'option',
  'timestamp',
  'time',
  'date',
  'created time',
  'updated time',
  'modified time',
  'deleted time',
  'limit',
  'offset',
  'page',
  'query',
  'keyword',
  'format',
  'language',
  'code',
  'url',
]);

/** Splits an identifier or a text into lowercase words: camelCase, snake_case, kebab, dots, digits. */
export function splitWords(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** English plural → singular, for the regular cases APIs use (`cities`, `matches`, `airports`). */
export function singular(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes|zzes)$/.test(w)) return w.slice(0, -2);
  if (/(ss|us|is|ous)$/.test(w)) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

// Libraries reuse a small vocabulary across thousands of functions: remember each word's form.
// Bounded, and a pure function of the word, so it never changes a result.
const normalized = new Map<string, string>();
const NORMALIZED_MAX = 100_000;

/** One word in its canonical, singular form. */
export function normalizeWord(w: string): string {
  let n = normalized.get(w);
  if (n === undefined) {
    const s = singular(CANONICAL[w] ?? w);
    n = CANONICAL[s] ?? s;
    if (normalized.size >= NORMALIZED_MAX) normalized.clear();
    normalized.set(w, n);
  }
  return n;
}

/**
 * Meaningful words of a name: `username_to_follow` → [username, follow], `stock_list` → [stock],
 * `current_time_str` → [current, time], `log_in` → [login], `created_at` → [created, time].
 */
export function nameTokens(name: string): string[] {
  const raw = splitWords(name);
  const words: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i];
    const next = raw[i + 1];
    // `created_at` / `linked_on` are timestamps, not "created" / "linked".
    if ((w === 'at' || w === 'on') && i === raw.length - 1 && i > 0) {
      words.push('time');
      continue;
    }
    // "log in" / "sign in" are one verb.
    if ((w === 'log' || w === 'sign') && next === 'in') {
      words.push('login');
      i++;
      continue;
    }
    words.push(normalizeWord(w));
  }
  const meaningful = words.filter((w) => !STOPWORDS.has(w) && !/^[0-9]+$/.test(w) && w.length > 1);
  const kept = meaningful.filter((w) => !STORAGE_WORDS.has(w));
  // A name made only of storage words (`list`, `data`) keeps them: better than nothing.
  return kept.length > 0 ? kept : meaningful;
}

/** Normalized words of a text, stopwords removed, in order (for phrase look-ups). */
export function textTokens(text: string): string[] {
  return splitWords(text)
    .map(normalizeWord)
    .filter((w) => !STOPWORDS.has(w) && w.length > 1);
}

/** ` w1 w2 w3 ` – a padded phrase string so `includes(' a b ')` finds whole-word phrases. */
export function phrase(tokens: readonly string[]): string {
  return ` ${tokens.join(' ')} `;
}

/** Raw lowercase words of a text, with `_` kept, to find function names quoted in descriptions. */
export function identifierWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9_]+/)
      .filter((w) => w.length > 1),
  );
}

/** `book` ≈ `booking`, `order` ≈ `ordered`: same stem, used only where names are all we have. */
export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3;
}

/** True when the words name something generic (`status`, `result`, `created_at`). */
export function isGenericName(tokens: readonly string[]): boolean {
  return tokens.length === 0 || GENERIC_NAMES.has(tokens.join(' '));
}

/** Credentials hand over permission, not data: a flow made only of them is a prerequisite. */
export function isCredentialName(tokens: readonly string[]): boolean {
  const last = tokens[tokens.length - 1];
  return (
    last === 'token' ||
    last === 'session' ||
    (tokens.includes('session') && last === 'id') ||
    (tokens.includes('api') && last === 'key') ||
    tokens.join(' ') === 'cookie'
  );
}

/** Values only the user knows (passwords, secrets): no other call's output provides them. */
export function isSecretName(tokens: readonly string[]): boolean {
  return tokens.includes('password') || tokens.includes('secret') || tokens.includes('passphrase');
}
