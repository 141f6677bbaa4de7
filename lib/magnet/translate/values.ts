// Argument and output values made up from a JSON Schema, deterministic for a seed: the schema's
// own hints first (const, enum, default, examples, format, bounds), then sensible values by the
// field's name (a city for `city`, a date for `departure_date`, an email for `email`), then by type.
import { isRecord } from '../functions/json';
import { nameTokens } from '../graph/tokens';
import { isIdLike, typesOf as schemaTypes } from '../paths/inputs';
import type { PathRng } from '../paths/rng';

const CITIES = ['Lisbon', 'Berlin', 'Toronto', 'Osaka', 'Nairobi', 'Lima', 'Oslo', 'Melbourne'];
const PEOPLE = ['Alice Moreau', 'Ravi Patel', 'Chen Wei', 'Maria Lopez', 'Tom Becker', 'Amara Obi'];
const WORDS = ['summer', 'quarterly', 'family', 'project', 'weekly', 'urgent', 'draft', 'blue'];
const AIRPORTS = ['LIS', 'BER', 'YYZ', 'KIX', 'NBO', 'LIM', 'OSL', 'MEL'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'CAD'];
const COUNTRIES = ['Portugal', 'Germany', 'Canada', 'Japan', 'Kenya', 'Peru'];
const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'TSLA'];

/** The types a value for this schema may take, null last resort; an enum's own type, else string when unsaid. */
export function typesOf(schema: Record<string, unknown>): string[] {
  const all = schemaTypes(schema);
  const said = all.filter((t) => t !== 'null');
  if (said.length) return said;
  if (all.length) return all;
  if (Array.isArray(schema.enum) && schema.enum.length) return [typeof schema.enum[0]];
  return ['string'];
}

const has = (tokens: string[], ...words: string[]) => words.some((w) => tokens.includes(w));
const pad = (n: number) => String(n).padStart(2, '0');

function dateValue(rng: PathRng, withTime: boolean): string {
  const d = `2026-${pad(1 + rng.below(12))}-${pad(1 + rng.below(28))}`;
  return withTime ? `${d}T${pad(8 + rng.below(10))}:${pad(rng.below(4) * 15)}:00Z` : d;
}

/** An id a system would hand out: a short prefix from the name and a number. */
export function idValue(name: string, rng: PathRng): string {
  const tokens = nameTokens(name).filter((t) => t !== 'id' && t !== 'ids' && t !== 'token');
  const prefix = (tokens[tokens.length - 1] ?? 'id').slice(0, 3).toUpperCase();
  return `${prefix}-${1000 + rng.below(9000)}`;
}

function stringByName(name: string, schema: Record<string, unknown>, rng: PathRng): string {
  const format = typeof schema.format === 'string' ? schema.format : '';
  if (format === 'date') return dateValue(rng, false);
  if (format === 'date-time') return dateValue(rng, true);
  if (format === 'email') return `${rng.pick(PEOPLE).split(' ')[0].toLowerCase()}@example.com`;
  if (format === 'uri' || format === 'url') return `https://example.com/${rng.pick(WORDS)}`;
  if (format === 'uuid')
    return `00000000-0000-4000-8000-${String(100000000000 + rng.below(899999999999)).slice(0, 12)}`;
  const t = nameTokens(name);
  if (isIdLike(name, schema)) return idValue(name, rng);
  if (has(t, 'email')) return `${rng.pick(PEOPLE).split(' ')[0].toLowerCase()}@example.com`;
  if (has(t, 'date', 'day')) return dateValue(rng, false);
  if (has(t, 'time', 'timestamp', 'datetime')) return dateValue(rng, true);
  if (has(t, 'city', 'destination', 'origin', 'location')) return rng.pick(CITIES);
  if (has(t, 'airport')) return rng.pick(AIRPORTS);
  if (has(t, 'country')) return rng.pick(COUNTRIES);
  if (has(t, 'currency')) return rng.pick(CURRENCIES);
  if (has(t, 'symbol', 'ticker', 'stock')) return rng.pick(SYMBOLS);
  if (has(t, 'first') && has(t, 'name')) return rng.pick(PEOPLE).split(' ')[0];
  if (has(t, 'last', 'family', 'surname') && (has(t, 'name') || has(t, 'surname')))
    return rng.pick(PEOPLE).split(' ')[1];
  if (has(t, 'name', 'user', 'username', 'person', 'recipient', 'receiver', 'sender', 'author', 'owner'))
    return has(t, 'file', 'folder', 'dir', 'directory') ? `${rng.pick(WORDS)}_notes.txt` : rng.pick(PEOPLE);
  if (has(t, 'file', 'filename', 'path')) return `${rng.pick(WORDS)}_notes.txt`;
  if (has(t, 'folder', 'dir', 'directory')) return rng.pick(WORDS);
  if (has(t, 'phone')) return `+1-555-${1000 + rng.below(9000)}`;
  if (has(t, 'url', 'link', 'website')) return `https://example.com/${rng.pick(WORDS)}`;
  if (
    has(
      t,
      'message',
      'content',
      'text',
      'body',
      'comment',
      'note',
      'description',
      'reason',
      'query',
      'title',
      'subject',
    )
  )
    return `${rng.pick(['Please', 'Kindly', 'Let us'])} ${rng.pick(['check', 'review', 'confirm'])} the ${rng.pick(WORDS)} plan`;
  if (has(t, 'code', 'coupon', 'promo')) return `${rng.pick(WORDS).toUpperCase()}${10 + rng.below(90)}`;
  if (has(t, 'status', 'state')) return rng.pick(['active', 'pending', 'open']);
  if (has(t, 'category', 'type', 'kind')) return rng.pick(WORDS);
  return `${rng.pick(WORDS)} ${rng.pick(WORDS)}`;
}

function numberByName(name: string, schema: Record<string, unknown>, integer: boolean, rng: PathRng): number {
  const t = nameTokens(name);
  let lo =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + 1
        : NaN;
  let hi =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - 1
        : NaN;
  if (Number.isNaN(lo) || Number.isNaN(hi)) {
    const [dlo, dhi] = has(t, 'year')
      ? [2020, 2027]
      : has(t, 'age')
        ? [18, 80]
        : has(t, 'count', 'quantity', 'number', 'num', 'limit', 'passengers', 'guests', 'nights', 'seats')
          ? [1, 5]
          : has(t, 'rating', 'stars')
            ? [1, 5]
            : has(t, 'percent', 'percentage', 'rate')
              ? [1, 30]
              : has(t, 'amount', 'price', 'cost', 'budget', 'balance', 'total', 'fee', 'salary')
                ? [20, 900]
                : has(t, 'temperature')
                  ? [18, 26]
                  : [1, 100];
    if (Number.isNaN(lo)) lo = Number.isNaN(hi) ? dlo : Math.min(dlo, hi);
    if (Number.isNaN(hi)) hi = Math.max(lo, dhi);
  }
  if (hi < lo) hi = lo;
  const span = Math.floor(hi) - Math.ceil(lo);
  const whole = Math.ceil(lo) + (span > 0 ? rng.below(span + 1) : 0);
  if (integer) return whole;
  const v = whole + rng.below(100) / 100;
  return v > hi ? whole : +v.toFixed(2);
}

const MAX_DEPTH = 4;

/**
 * A string matching a simple regular expression: literals, escapes (\\d \\w), character classes
 * and the quantifiers ? * + {n} {n,m}, anchored. Null for what it does not understand
 * (alternation, groups, lookarounds): the caller then keeps its own value.
 */
export function sampleFromPattern(pattern: string, rng: PathRng): string | null {
  let p = pattern.replace(/^\^/, '').replace(/\$$/, '');
  if (/[|()]/.test(p)) return null;
  let out = '';
  while (p.length) {
    let chars: string[];
    if (p[0] === '[') {
      const end = p.indexOf(']', 1);
      if (end < 0) return null;
      const body = p.slice(1, end);
      if (body.startsWith('^')) return null;
      chars = [];
      for (let i = 0; i < body.length; i++) {
        if (body[i + 1] === '-' && i + 2 < body.length) {
          for (let c = body.charCodeAt(i); c <= body.charCodeAt(i + 2); c++) chars.push(String.fromCharCode(c));
          i += 2;
        } else if (body[i] === '\\' && i + 1 < body.length) {
          chars.push(...(body[i + 1] === 'd' ? '0123456789'.split('') : [body[i + 1]]));
          i++;
        } else chars.push(body[i]);
      }
      p = p.slice(end + 1);
    } else if (p[0] === '\\') {
      const e = p[1];
      chars = e === 'd' ? '0123456789'.split('') : e === 'w' ? 'abcdefghijklmnopqrstuvwxyz0123456789'.split('') : [e];
      p = p.slice(2);
    } else if (p[0] === '.') {
      chars = 'abcdefghij'.split('');
      p = p.slice(1);
    } else if ('?*+{'.includes(p[0])) return null;
    else {
      chars = [p[0]];
      p = p.slice(1);
    }
    let min = 1;
    let max = 1;
    const q = /^(\{(\d+)(,(\d*))?\}|\?|\*|\+)/.exec(p);
    if (q) {
      if (q[1] === '?') [min, max] = [0, 1];
      else if (q[1] === '*') [min, max] = [0, 3];
      else if (q[1] === '+') [min, max] = [1, 3];
      else {
        min = Number(q[2]);
        max = q[3] ? (q[4] ? Number(q[4]) : min + 3) : min;
      }
      p = p.slice(q[0].length);
    }
    const n = min + (max > min ? rng.below(max - min + 1) : 0);
    for (let i = 0; i < n; i++) out += chars.length ? rng.pick(chars) : '';
  }
  return out;
}

/**
 * A value that satisfies `schema` (as far as the schema's keywords go), chosen for the field's
 * name. `include` decides which optional properties of objects to fill (default: none).
 */
export function synthesizeValue(
  name: string,
  schema: unknown,
  rng: PathRng,
  depth = 0,
  include: (name: string) => boolean = () => false,
): unknown {
  if (!isRecord(schema)) return stringByName(name, {}, rng);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return rng.pick(schema.enum);
  if ('default' in schema && schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length) return rng.pick(schema.examples);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length) {
      const usable = options.filter((o) => !(isRecord(o) && o.type === 'null'));
      return synthesizeValue(name, usable[0] ?? options[0], rng, depth, include);
    }
  }
  const type = typesOf(schema)[0];
  switch (type) {
    case 'boolean':
      return rng.chance(0.5);
    case 'integer':
      return numberByName(name, schema, true, rng);
    case 'number':
      return numberByName(name, schema, false, rng);
    case 'array': {
      if (depth >= MAX_DEPTH) return [];
      const min = typeof schema.minItems === 'number' ? schema.minItems : 1;
      const n = Math.max(min, 1);
      return Array.from({ length: Math.min(n, 3) }, () => synthesizeValue(name, schema.items, rng, depth + 1, include));
    }
    case 'object': {
      if (depth >= MAX_DEPTH) return {};
      const props = isRecord(schema.properties) ? schema.properties : {};
      const required = new Set(
        Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [],
      );
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(props))
        if (required.has(k) || include(k)) out[k] = synthesizeValue(k, s, rng, depth + 1, include);
      return out;
    }
    case 'null':
      return null;
    default: {
      const s = stringByName(name, schema, rng);
      if (typeof schema.pattern === 'string') {
        let re: RegExp | null = null;
        try {
          re = new RegExp(schema.pattern, 'u');
        } catch {
          re = null;
        }
        if (re && !re.test(s)) {
          const sampled = sampleFromPattern(schema.pattern, rng);
          if (sampled !== null && re.test(sampled)) return sampled;
        }
      }
      const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
      const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
      return s.length > max ? s.slice(0, max) : s.padEnd(min, 'x');
    }
  }
}
