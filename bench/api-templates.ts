// Format-neutral API templates shared by the ToolBench and BFCL generators. Each template is
// written around an entity `e` and a related entity `r`, so that ids flow between functions:
// producers (search, list, create, lookup) return `<e>_id`, consumers (get, update, stats, ...)
// take it, and `get`/`children` return `<r>_id`, which links one entity's functions to another's.

import type { Rng } from './rng';
import { plural, titleCase, words } from './vocabulary';

export type FieldKind =
  'string' | 'integer' | 'number' | 'boolean' | 'enum' | 'date' | 'datetime' | 'url' | 'string[]' | 'list';

export interface Field {
  name: string;
  kind: FieldKind;
  description: string;
  /** For kind 'enum'. */
  values?: readonly string[];
  /** Example value: the ToolBench `default`, the BFCL `default` of optional parameters. */
  example?: string | number | boolean;
  /** For kind 'list': the fields of each element. */
  item?: Field[];
}

export const TEMPLATE_KEYS = [
  'search',
  'list',
  'get',
  'children',
  'create',
  'update',
  'delete',
  'stats',
  'lookup',
  'export',
  'link',
  'history',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** Templates that return `<e>_id` without needing one: a walk can start there. */
export const PRODUCERS: readonly TemplateKey[] = ['search', 'list', 'create', 'lookup'];

export interface ApiSpec {
  template: TemplateKey;
  /** BFCL / OpenAI style name, e.g. `get_station_stats`. */
  snakeName: string;
  /** ToolBench style name, e.g. "Station Statistics". */
  title: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  description: string;
  required: Field[];
  optional: Field[];
  returns: Field[];
}

const kebab = (snake: string) => snake.replace(/_/g, '-');

function abbreviation(snake: string): string {
  const parts = snake.split('_');
  return parts.length > 1 ? parts.map((p) => p[0]).join('') : snake.slice(0, 3);
}

/** Builds one template for entity `e` (related entity `r`); titles and wording vary with the rng. */
export function buildApi(template: TemplateKey, e: string, r: string, rng: Rng): ApiSpec {
  const es = plural(e);
  const rs = plural(r);
  const [E, Es, R, Rs] = [titleCase(e), titleCase(es), titleCase(r), titleCase(rs)];
  const [ew, esw, rw, rsw] = [words(e), words(es), words(r), words(rs)];
  const base = `/v1/${kebab(es)}`;
  const idOf = (x: string, description: string): Field => ({
    name: `${x}_id`,
    kind: 'string',
    description,
    example: `${abbreviation(x)}_${rng.hex(8)}`,
  });
  const eId = (description = `Identifier of the ${ew}, as returned by the search or list endpoint.`) =>
    idOf(e, description);
  const rId = (description = `Identifier of the ${rw}.`) => idOf(r, description);
  const plain = (name: string, kind: FieldKind, description: string, extra: Partial<Field> = {}): Field => ({
    name,
    kind,
    description,
    ...extra,
  });
  const status = (description: string, values: readonly string[] = ['active', 'inactive', 'archived']) =>
    plain('status', 'enum', description, { values, example: values[0] });
  const limit = plain('limit', 'integer', 'Maximum number of results, 1 to 100.', { example: 10 });
  const createdAt = plain('created_at', 'datetime', 'When it was created (ISO 8601).');
  const variant = (...options: string[]) => rng.pick(options);

  switch (template) {
    case 'search':
      return {
        template,
        snakeName: `search_${es}`,
        title: variant(`Search ${Es}`, `${E} Search`, `Find ${Es}`),
        method: 'GET',
        path: `${base}/search`,
        description: variant(
          `Search ${esw} by keyword. Each result carries the ${e}_id that the other endpoints take.`,
          `Full-text search over ${esw}, returning matching ${esw} with their ${e}_id, name and status.`,
        ),
        required: [
          plain('query', 'string', 'Keyword or phrase to match against names and descriptions.', {
            example: rng.pick(['london', 'summer', 'alpha', 'blue', 'premium', 'north']),
          }),
        ],
        optional: [
          limit,
          plain('sort', 'enum', 'Result order.', { values: ['relevance', 'newest', 'name'], example: 'relevance' }),
        ],
        returns: [
          plain(es, 'list', `Matching ${esw}, best first.`, {
            item: [
              eId(`Identifier of the ${ew}.`),
              plain('name', 'string', `Name of the ${ew}.`),
              plain('score', 'number', 'Match score, 0 to 1.'),
            ],
          }),
          plain('total', 'integer', 'Number of matches in all pages.'),
        ],
      };
    case 'list':
      return {
        template,
        snakeName: `list_${es}`,
        title: variant(`List ${Es}`, `Get All ${Es}`, `${Es}`),
        method: 'GET',
        path: base,
        description: variant(
          `Returns a paginated list of ${esw}, newest first, each with its ${e}_id.`,
          `Lists the ${esw} visible to the API key, optionally filtered by status.`,
        ),
        required: [],
        optional: [
          plain('page', 'integer', 'Page number, starting at 1.', { example: 1 }),
          plain('per_page', 'integer', 'Items per page, up to 100.', { example: 20 }),
          status('Only items in this status.', ['active', 'inactive', 'all']),
        ],
        returns: [
          plain(es, 'list', `${Es} on this page.`, {
            item: [eId(`Identifier of the ${ew}.`), plain('name', 'string', `Name of the ${ew}.`), createdAt],
          }),
          plain('next_page', 'integer', 'Next page number, 0 on the last page.'),
        ],
      };
    case 'get':
      return {
        template,
        snakeName: `get_${e}`,
        title: variant(`Get ${E} By ID`, `${E} Details`, `Get ${E}`),
        method: 'GET',
        path: `${base}/{${e}_id}`,
        description: variant(
          `Fetches a single ${ew} by its ${e}_id, including its status and the ${rw} it belongs to.`,
          `Returns the full details of one ${ew}.`,
        ),
        required: [eId()],
        optional: [],
        returns: [
          eId(`Identifier of the ${ew}.`),
          plain('name', 'string', `Name of the ${ew}.`),
          plain('description', 'string', 'Free-text description.'),
          status('Current status.'),
          rId(`The ${rw} this ${ew} belongs to.`),
          createdAt,
          plain('updated_at', 'datetime', 'Last change (ISO 8601).'),
        ],
      };
    case 'children':
      return {
        template,
        snakeName: `list_${e}_${rs}`,
        title: variant(`Get ${E} ${Rs}`, `List ${Rs} For ${E}`, `${E} ${Rs}`),
        method: 'GET',
        path: `${base}/{${e}_id}/${kebab(rs)}`,
        description: `Lists the ${rsw} linked to a ${ew}; each result includes its ${r}_id.`,
        required: [eId()],
        optional: [limit],
        returns: [
          eId(`The ${ew} queried.`),
          plain(rs, 'list', `Linked ${rsw}.`, {
            item: [rId(), plain('name', 'string', `Name of the ${rw}.`), createdAt],
          }),
        ],
      };
    case 'create':
      return {
        template,
        snakeName: `create_${e}`,
        title: variant(`Create ${E}`, `Add ${E}`, `New ${E}`),
        method: 'POST',
        path: base,
        description: variant(
          `Creates a new ${ew} and returns its ${e}_id.`,
          `Adds a ${ew}, optionally attached to an existing ${rw}, and returns its ${e}_id.`,
        ),
        required: [plain('name', 'string', `Display name of the new ${ew}.`, { example: `My ${ew}` })],
        optional: [
          rId(`Existing ${rw} to attach the new ${ew} to.`),
          plain('description', 'string', 'Free-text description.', { example: '' }),
          plain('tags', 'string', 'Comma-separated tags.', { example: 'demo,test' }),
        ],
        returns: [eId(`Identifier of the new ${ew}.`), status('Status of the new item.'), createdAt],
      };
    case 'update':
      return {
        template,
        snakeName: `update_${e}`,
        title: variant(`Update ${E}`, `Edit ${E}`, `Modify ${E}`),
        method: 'PUT',
        path: `${base}/{${e}_id}`,
        description: `Updates the name or status of an existing ${ew}; fields left out are unchanged.`,
        required: [eId()],
        optional: [plain('name', 'string', 'New name.', { example: '' }), status('New status.')],
        returns: [
          eId(`The updated ${ew}.`),
          plain('updated_fields', 'string[]', 'Names of the fields that changed.'),
          plain('updated_at', 'datetime', 'When the change was saved.'),
        ],
      };
    case 'delete':
      return {
        template,
        snakeName: `delete_${e}`,
        title: variant(`Delete ${E}`, `Remove ${E}`),
        method: 'DELETE',
        path: `${base}/{${e}_id}`,
        description: `Deletes a ${ew}. Fails when other records still reference it, unless force is set.`,
        required: [eId()],
        optional: [plain('force', 'boolean', 'Delete even when other records still reference it.', { example: false })],
        returns: [eId(`The deleted ${ew}.`), plain('deleted', 'boolean', 'Whether it was deleted.')],
      };
    case 'stats':
      return {
        template,
        snakeName: `get_${e}_stats`,
        title: variant(`${E} Statistics`, `Get ${E} Stats`, `${E} Analytics`),
        method: 'GET',
        path: `${base}/{${e}_id}/stats`,
        description: `Aggregated usage statistics of a ${ew} over a date range, bucketed by day, week or month.`,
        required: [eId()],
        optional: [
          plain('start_date', 'date', 'First day, YYYY-MM-DD.', { example: '2023-01-01' }),
          plain('end_date', 'date', 'Last day, YYYY-MM-DD.', { example: '2023-12-31' }),
          plain('interval', 'enum', 'Bucket size.', { values: ['day', 'week', 'month'], example: 'day' }),
        ],
        returns: [
          eId(`The ${ew} measured.`),
          plain('count', 'integer', 'Number of events in the range.'),
          plain('total_value', 'number', 'Sum of event values.'),
          plain('average_value', 'number', 'Mean event value.'),
        ],
      };
    case 'lookup': {
      const code = `${abbreviation(e).toUpperCase()}-${rng.int(100, 999)}`;
      return {
        template,
        snakeName: `lookup_${e}_by_code`,
        title: variant(`Lookup ${E} By Code`, `${E} By Code`, `Resolve ${E} Code`),
        method: 'GET',
        path: `${base}/lookup`,
        description: `Resolves the public short code of a ${ew} to the ${e}_id used by the other endpoints.`,
        required: [plain('code', 'string', `Public short code, e.g. "${code}".`, { example: code })],
        optional: [],
        returns: [
          eId(`Identifier of the ${ew}.`),
          plain('code', 'string', 'Normalized code.'),
          plain('name', 'string', `Name of the ${ew}.`),
        ],
      };
    }
    case 'export':
      return {
        template,
        snakeName: `export_${es}`,
        title: variant(`Export ${Es}`, `Download ${Es}`),
        method: 'GET',
        path: `${base}/export`,
        description: `Exports ${esw} as a downloadable file; all of them unless ${e}_ids is given.`,
        required: [],
        optional: [
          plain(`${e}_ids`, 'string[]', `Only these ${esw} (their ${e}_id values).`, { example: '' }),
          plain('format', 'enum', 'File format.', { values: ['json', 'csv', 'xlsx'], example: 'json' }),
          plain('include_archived', 'boolean', 'Include archived items.', { example: false }),
        ],
        returns: [
          plain('download_url', 'url', 'Signed link to the file.'),
          plain('row_count', 'integer', 'Number of exported items.'),
          plain('expires_at', 'datetime', 'When the link stops working.'),
        ],
      };
    case 'link':
      return {
        template,
        snakeName: `link_${e}_to_${r}`,
        title: variant(`Link ${E} To ${R}`, `Attach ${E} To ${R}`),
        method: 'POST',
        path: `${base}/{${e}_id}/links`,
        description: `Links a ${ew} to a ${rw} so it shows up in the ${rw}'s ${esw}.`,
        required: [eId(), rId(`Identifier of the ${rw} to link to.`)],
        optional: [],
        returns: [
          plain('link_id', 'string', 'Identifier of the link.'),
          eId(`The linked ${ew}.`),
          rId(`The ${rw} linked to.`),
          plain('linked_at', 'datetime', 'When the link was made.'),
        ],
      };
    case 'history':
      return {
        template,
        snakeName: `get_${e}_history`,
        title: variant(`${E} History`, `Get ${E} Activity`),
        method: 'GET',
        path: `${base}/{${e}_id}/history`,
        description: `Returns the change history of a ${ew}, newest first.`,
        required: [eId()],
        optional: [
          plain('since', 'date', 'Only changes on or after this day, YYYY-MM-DD.', { example: '2023-01-01' }),
          limit,
        ],
        returns: [
          eId(`The ${ew}.`),
          plain('events', 'list', 'Changes, newest first.', {
            item: [
              plain('event_type', 'string', 'What changed, e.g. "status_changed".'),
              plain('occurred_at', 'datetime', 'When it changed.'),
              plain('actor', 'string', 'Who changed it.'),
            ],
          }),
        ],
      };
  }
}

/**
 * Picks `count` distinct templates for one entity: a producer first and `get` second, so every
 * group has an id source and a consumer of it, then a shuffled mix of the rest.
 */
export function pickTemplates(count: number, rng: Rng): TemplateKey[] {
  const producer = rng.pick(PRODUCERS);
  const rest = rng.shuffle(TEMPLATE_KEYS.filter((t) => t !== producer && t !== 'get'));
  return [producer, 'get' as TemplateKey, ...rest].slice(0, Math.max(0, count));
}
