// The built-in teacher: readable messages from descriptions and parameter names, deterministic
// for a seed, no network. It follows the paper's rules: the user never names a function, gives
// every required value it could know, refers to earlier outputs indirectly ("the booking from
// before") and does not repeat a message; the calls take earlier outputs where an edge says so.
import { nameTokens } from '../graph/tokens';
import { PathRng } from '../paths/rng';
import type {
  HintedTurn,
  HintedTurnRequest,
  AnswerRequest,
  CallsRequest,
  MissingRequest,
  QueryRequest,
  SupplyRequest,
  TranslationTeacher,
} from './teacher';
import type { CallPlan, PlannedArgument } from './types';

const OPENERS = ['Could you', 'Please', 'I need you to', 'Can you', 'I would like you to', "Let's"];
const THEN = [', and then ', ', after that ', '. Then ', ', and also '];
const EARLIER = ['from before', 'you just found', 'from your last answer', 'we just got', 'from earlier'];

/** `departure_date`, `checkInDate` → "departure date", "check in date". */
export const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .trim()
    .toLowerCase() || name;

// Descriptions say what a function does ("Returns the booking"); a request asks for it ("get the booking").
const THIRD_PERSON: Record<string, string> = {
  returns: 'get',
  gets: 'get',
  lists: 'list',
  creates: 'create',
  sends: 'send',
  books: 'book',
  cancels: 'cancel',
  finds: 'find',
  searches: 'search',
  updates: 'update',
  deletes: 'delete',
  adds: 'add',
  checks: 'check',
  retrieves: 'retrieve',
  fetches: 'fetch',
  removes: 'remove',
  sets: 'set',
  calculates: 'calculate',
  computes: 'compute',
  provides: 'provide',
  displays: 'display',
  shows: 'show',
  posts: 'post',
  moves: 'move',
  copies: 'copy',
  changes: 'change',
  starts: 'start',
  stops: 'stop',
  opens: 'open',
  closes: 'close',
  writes: 'write',
  reads: 'read',
  places: 'place',
  schedules: 'schedule',
  submits: 'submit',
  converts: 'convert',
};

/** The description's first sentence as a request ("Returns the booking." → "get the booking"). */
export function actionOf(plan: Pick<CallPlan, 'description' | 'name'>): string {
  const first =
    plan.description
      .split(/(?<=[.!?])\s/)[0]
      ?.trim()
      .replace(/[.!?:]+$/, '') ?? '';
  if (!first) return words(plan.name);
  const [verb, ...rest] = first.split(/\s+/);
  const base = THIRD_PERSON[verb.toLowerCase()] ?? verb.charAt(0).toLowerCase() + verb.slice(1);
  return [base, ...rest].join(' ');
}

const show = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : Array.isArray(v)
      ? v.map(show).join(', ')
      : typeof v === 'object' && v !== null
        ? JSON.stringify(v)
        : String(v);

/** How the user refers to an argument: a value they give, or an earlier output named indirectly. */
function argPhrase(a: PlannedArgument, rng: PathRng, turn: number): string | null {
  if (a.source.from === 'output') {
    const entity =
      nameTokens(a.param)
        .filter((t) => t !== 'id' && t !== 'ids' && t !== 'token')
        .join(' ') || 'one';
    // An output of this very turn ("book it, then cancel that booking") or of an earlier one.
    return a.source.turn === turn ? `for that ${entity}` : `for the ${entity} ${rng.pick(EARLIER)}`;
  }
  if (typeof a.value === 'boolean') return a.value ? `with ${words(a.param)} on` : `with ${words(a.param)} off`;
  return `with ${words(a.param)} ${show(a.value)}`;
}

function callPhrase(plan: CallPlan, rng: PathRng, omit: string | null, turn: number): string {
  const args = plan.args
    .filter((a) => a.param !== omit)
    .map((a) => argPhrase(a, rng, turn))
    .filter((p): p is string => !!p);
  const given = args.length > 2 ? `${args.slice(0, -1).join(', ')} and ${args[args.length - 1]}` : args.join(' and ');
  return given ? `${actionOf(plan)} ${given}` : actionOf(plan);
}

export function createTemplateTeacher(): TranslationTeacher {
  return {
    name: 'template',
    async writeQuery(req: QueryRequest) {
      const rng = new PathRng(`${req.seed}:query:${req.turn}`);
      const named = req.calls.map((c, i) => ({ c, i })).filter(({ c }) => !c.nested);
      const parts = named.map(({ c, i }) => callPhrase(c, rng, req.omit?.call === i ? req.omit.param : null, req.turn));
      let text = `${rng.pick(OPENERS)} ${parts.map((p, i) => (i === 0 ? p : `${rng.pick(THEN)}${p}`)).join('')}`;
      text = text.replace(/\s+/g, ' ').trim();
      if (!/[.?!]$/.test(text)) text += text.startsWith('Could') || text.startsWith('Can') ? '?' : '.';
      // Never the same message twice in a conversation.
      if (req.previousQueries.includes(text)) text = `One more thing: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
      return text;
    },
    async writeCalls(req: CallsRequest) {
      return req.calls.map((c) => {
        const args: Record<string, unknown> = {};
        for (const a of c.args) args[a.param] = a.value;
        return { name: c.name, arguments: args };
      });
    },
    async writeAnswer(req: AnswerRequest) {
      const rng = new PathRng(`${req.seed}:answer:${req.turn}`);
      const lines = req.calls.map((c) => {
        const facts = summarize(c.output);
        return `${capitalize(actionOf({ description: '', name: c.name }))}: ${facts || 'done'}.`;
      });
      return `${rng.pick(['Done.', 'All set.', 'Here is what I found.', 'That worked.'])} ${lines.join(' ')}`;
    },
    async writeMissing(req: MissingRequest) {
      const rng = new PathRng(`${req.seed}:missing:${req.turn}`);
      if (req.param)
        return `${rng.pick(['Sure.', 'I can do that.', 'Happy to help.'])} What ${words(req.param)} should I use?`;
      return `Sorry, I can't ${actionOf(req.function)} with the tools I have right now.`;
    },
    async writeHintedTurn(req: HintedTurnRequest): Promise<HintedTurn> {
      // The calls are the hints themselves; the reasoning says what they do, as the assistant's own plan.
      const byName = new Map(req.tools.map((t) => [t.name, t]));
      const steps = req.hints.calls.map((c) => actionOf({ name: c.name, description: byName.get(c.name)?.description ?? '' }));
      const rng = new PathRng(`${req.seed}:hinted:${req.turn}`);
      const plan = steps.length > 1 ? `${steps.slice(0, -1).join(', then ')}, and then ${steps[steps.length - 1]}` : (steps[0] ?? 'answer directly');
      return {
        reasoning: `${rng.pick(['To do this, I need to', 'First I will', 'The plan is to'])} ${plan}.`,
        calls: req.hints.calls.map((c) => ({ name: c.name, arguments: structuredClone(c.arguments) })),
      };
    },
    async writeSupply(req: SupplyRequest) {
      const rng = new PathRng(`${req.seed}:supply:${req.turn}`);
      return `${rng.pick(['Use', 'Go with', 'Please use'])} ${show(req.value)} for the ${words(req.param)}${rng.pick(['.', ', thanks.'])}`;
    },
  };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Up to three scalar facts of an output, for the assistant's answer. */
function summarize(output: unknown): string {
  const facts: string[] = [];
  const walk = (v: unknown, key: string, depth: number) => {
    if (facts.length >= 3 || depth > 2) return;
    if (v === null || typeof v !== 'object') {
      if (key) facts.push(`${words(key)} ${show(v)}`);
      return;
    }
    if (Array.isArray(v)) {
      if (key) facts.push(`${v.length} ${words(key)}`);
      return;
    }
    for (const [k, x] of Object.entries(v)) walk(x, k, depth + 1);
  };
  walk(output, '', 0);
  return facts.join(', ');
}
