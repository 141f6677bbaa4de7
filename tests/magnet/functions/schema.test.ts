import { describe, expect, it } from 'vitest';
import { normalizeJsonSchema, validateParametersSchema, validateReturnsSchema } from '../../../lib/magnet/functions';
import { codes, compiles } from './helpers';

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  ...extra,
});

describe('validateParametersSchema', () => {
  it('accepts a plain object schema', () => {
    expect(validateParametersSchema(obj({ a: { type: 'string' } }, { required: ['a'] }), '/p')).toEqual([]);
  });

  it('attributes issues to the owner given, or to no file', () => {
    const [issue] = validateParametersSchema('string', '/tools/0/parameters', { file: 'f.json', index: 4 });
    expect(issue).toMatchObject({
      level: 'error',
      code: 'invalid_schema',
      file: 'f.json',
      index: 4,
      path: '/tools/0/parameters',
    });
    expect(validateParametersSchema('string', '/p')[0]).toMatchObject({ file: '', index: null });
  });

  it.each([
    ['a string', 'string', '/p', /got a string \("string"\)/],
    ['an array', [], '/p', /got an array/],
    ['a non-object root type', { type: 'string' }, '/p/type', /object schema .* got type "string"/],
    ['a leftover BFCL root type', { type: 'dict', properties: {} }, '/p/type', /BFCL type "dict"/],
    ['a missing root type', { properties: {} }, '/p/type', /got no type/],
  ])('rejects %s as parameters', (_label, schema, path, message) => {
    const issues = validateParametersSchema(schema, '/p');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ level: 'error', code: 'invalid_schema', path });
    expect(issues[0].message).toMatch(message);
  });

  it.each([
    ['an unknown type', obj({ a: { type: 'banana' } }), '/p/properties/a/type', /unknown type "banana"/],
    [
      'a BFCL type',
      obj({ a: { type: 'float' } }),
      '/p/properties/a/type',
      /BFCL type "float".*import the file as BFCL/,
    ],
    ['an upper-case type', obj({ a: { type: 'STRING' } }), '/p/properties/a/type', /must be lower-case \("string"\)/],
    ['non-object properties', { type: 'object', properties: ['a'] }, '/p/properties', /"properties" must be an object/],
    ['a non-list required', obj({}, { required: 'a' }), '/p/required', /"required" must be a list/],
    ['a subschema that is not a schema', obj({ a: 'string' }), '/p/properties/a', /Expected a schema/],
    [
      'a meta-schema violation',
      obj({ a: { type: 'string', minLength: 'x' } }),
      '/p/properties/a/minLength',
      /must be integer/,
    ],
  ])('rejects %s', (_label, schema, path, message) => {
    const issues = validateParametersSchema(schema, '/p');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ level: 'error', code: 'invalid_schema', path });
    expect(issues[0].message).toMatch(message);
  });

  it('warns when required names an undefined property, unless composition may define it', () => {
    const issues = validateParametersSchema(obj({ a: { type: 'string' } }, { required: ['a', 'b'] }), '/p');
    expect(issues).toMatchObject([{ level: 'warning', code: 'required_unknown', path: '/p/required' }]);
    expect(issues[0].message).toContain('"b"');
    expect(
      validateParametersSchema(obj({}, { required: ['b'], allOf: [obj({ b: { type: 'string' } })] }), '/p'),
    ).toEqual([]);
    expect(
      validateParametersSchema(
        obj({ b: { type: 'string' } }, { if: { required: ['b'] }, then: { required: ['c'] } }),
        '/p',
      ),
    ).toEqual([]);
    expect(validateParametersSchema(obj({ o: obj({}, { required: ['z'] }) }), '/p')).toMatchObject([
      { code: 'required_unknown', path: '/p/properties/o/required' },
    ]);
  });

  it('reports a $ref → $ref cycle as ref_cycle, and terminates', () => {
    const schema = obj({ x: { $ref: '#/$defs/a' } }, { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } } });
    const issues = validateParametersSchema(schema, '/p');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ level: 'error', code: 'ref_cycle', path: '/p/$defs/a' });
    expect(issues[0].message).toContain('#/$defs/a → #/$defs/b → #/$defs/a');
  });

  it('reports a cycle through same-instance keywords even with constraints beside the $ref', () => {
    const rootLoop = validateParametersSchema(obj({}, { $ref: '#' }), '/p');
    expect(codes(rootLoop)).toEqual(['ref_cycle']);
    const viaAllOf = obj(
      {},
      { $defs: { a: { type: 'string', allOf: [{ $ref: '#/$defs/a' }] } }, properties: { s: { $ref: '#/$defs/a' } } },
    );
    expect(codes(validateParametersSchema(viaAllOf, '/p'))).toEqual(['ref_cycle']);
  });

  it('accepts a recursive schema with a recursive_schema warning', () => {
    const tree = obj(
      { root: { $ref: '#/$defs/node' } },
      {
        $defs: {
          node: obj({ name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } }),
        },
      },
    );
    const issues = validateParametersSchema(tree, '/p');
    expect(issues).toMatchObject([
      { level: 'warning', code: 'recursive_schema', path: '/p/$defs/node/properties/children/items' },
    ]);
    expect(compiles(tree)).toBe(true);
    expect(codes(validateParametersSchema(obj({ child: { $ref: '#' } }), '/p'))).toEqual(['recursive_schema']);
  });

  it('resolves anchors and reports refs that resolve to nothing', () => {
    expect(
      validateParametersSchema(
        obj({ a: { $ref: '#name' } }, { $defs: { n: { $anchor: 'name', type: 'string' } } }),
        '/p',
      ),
    ).toEqual([]);
    const missing = validateParametersSchema(obj({ a: { $ref: '#/$defs/nope' } }), '/p');
    expect(missing).toMatchObject([{ level: 'error', code: 'unresolved_ref', path: '/p/properties/a/$ref' }]);
    const external = validateParametersSchema(obj({ a: { $ref: 'https://example.com/s.json' } }), '/p');
    expect(external).toMatchObject([{ level: 'error', code: 'unresolved_ref' }]);
    expect(external[0].message).toMatch(/not fetched/);
  });

  it('refuses very deep schemas quickly instead of overflowing the stack', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 20_000; i++) deep = obj({ a: deep });
    const started = Date.now();
    const issues = validateParametersSchema(deep, '/p');
    expect(codes(issues)).toEqual(['schema_too_large']);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('accepts a deep but reasonable schema', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 40; i++) deep = obj({ a: deep });
    expect(validateParametersSchema(deep, '/p')).toEqual([]);
  });

  it('refuses an object that contains itself', () => {
    const schema: Record<string, unknown> = obj({});
    (schema.properties as Record<string, unknown>).self = schema;
    expect(validateParametersSchema(schema, '/p')).toMatchObject([{ level: 'error', code: 'invalid_schema' }]);
  });

  it('lets two schemas with the same $id be checked one after the other', () => {
    const withId = obj({ a: { type: 'string' } }, { $id: 'https://example.com/p.json' });
    expect(validateParametersSchema(withId, '/p')).toEqual([]);
    expect(validateParametersSchema(withId, '/p')).toEqual([]);
  });
});

describe('validateReturnsSchema', () => {
  it('accepts any JSON Schema, not only objects', () => {
    expect(validateReturnsSchema({ type: 'array', items: { type: 'string' } }, '/r')).toEqual([]);
    expect(validateReturnsSchema(true, '/r')).toEqual([]);
  });

  it('rejects what is not a schema', () => {
    expect(validateReturnsSchema({ type: 'dict' }, '/r')).toMatchObject([{ code: 'invalid_schema', path: '/r/type' }]);
    expect(validateReturnsSchema('string', '/r')).toMatchObject([{ code: 'invalid_schema', path: '/r' }]);
  });
});

describe('normalizeJsonSchema', () => {
  const draft07 = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }] },
      n: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false },
    },
    dependencies: { a: ['b'], c: { required: ['d'] } },
  };
  const expected = {
    type: 'object',
    properties: {
      pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] },
      n: { type: 'number', exclusiveMinimum: 0, maximum: 9 },
    },
    dependentRequired: { a: ['b'] },
    dependentSchemas: { c: { required: ['d'] } },
  };

  it('brings draft-07 to 2020-12 without mutating its input', () => {
    const copy = structuredClone(draft07);
    expect(normalizeJsonSchema(draft07)).toEqual(expected);
    expect(draft07).toEqual(copy);
    expect(validateReturnsSchema(normalizeJsonSchema(draft07), '')).toEqual([]);
  });

  it('is idempotent and keeps a 2020-12 $schema', () => {
    expect(normalizeJsonSchema(expected)).toEqual(expected);
    const current = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' };
    expect(normalizeJsonSchema(current)).toEqual(current);
  });
});
