import { describe, expect, it } from 'vitest';
import { geminiToJsonSchema, importGemini } from '../../../lib/magnet/functions';
import { codes } from './helpers';

const setLight = {
  name: 'set_light',
  description: 'Set a light.',
  parameters: {
    type: 'OBJECT',
    properties: {
      brightness: { type: 'INTEGER', minimum: 0, maximum: 100 },
      color: { type: 'STRING', enum: ['warm', 'cold'], nullable: true },
      rooms: { type: 'ARRAY', items: { type: 'STRING' }, maxItems: '3' },
      ratio: { type: 'NUMBER', format: 'float' },
      on: { type: 'BOOLEAN' },
    },
    required: ['brightness'],
  },
  response: { type: 'OBJECT', properties: { ok: { type: 'BOOLEAN' } } },
};

describe('importGemini', () => {
  it('converts the OpenAPI subset to JSON Schema', () => {
    const { functions, issues } = importGemini({ functionDeclarations: [setLight] }, 'decls.json');
    expect(issues).toEqual([]);
    expect(functions[0].parameters).toEqual({
      type: 'object',
      properties: {
        brightness: { type: 'integer', minimum: 0, maximum: 100 },
        color: { type: ['string', 'null'], enum: ['warm', 'cold', null] },
        rooms: { type: 'array', items: { type: 'string' }, maxItems: 3 },
        ratio: { type: 'number', format: 'float' },
        on: { type: 'boolean' },
      },
      required: ['brightness'],
    });
    expect(functions[0].returns).toEqual({ type: 'object', properties: { ok: { type: 'boolean' } } });
    expect(functions[0].origin.path).toBe('/functionDeclarations/0');
  });

  it('takes parametersJsonSchema and responseJsonSchema as JSON Schema', () => {
    const decl = {
      name: 'find',
      description: 'Find.',
      parametersJsonSchema: { type: 'object', properties: { q: { type: 'string' } } },
      responseJsonSchema: { type: 'array', items: { type: 'string' } },
    };
    const { functions, issues } = importGemini({ tools: [{ functionDeclarations: [decl] }] }, 'req.json');
    expect(issues).toEqual([]);
    expect(functions[0].parameters).toEqual(decl.parametersJsonSchema);
    expect(functions[0].returns).toEqual(decl.responseJsonSchema);
    expect(functions[0].origin.path).toBe('/tools/0/functionDeclarations/0');
  });

  it('skips non-function tools and rejects a declaration with both schema kinds', () => {
    const both = {
      name: 'x',
      description: 'd',
      parameters: { type: 'OBJECT' },
      parametersJsonSchema: { type: 'object' },
    };
    const { functions, issues } = importGemini(
      { tools: [{ googleSearch: {} }, { functionDeclarations: [setLight, both] }] },
      'r.json',
    );
    expect(functions.map((f) => f.originalName)).toEqual(['set_light']);
    expect(codes(issues)).toEqual(['unsupported_tool', 'invalid_function']);
    expect(issues[1]).toMatchObject({ level: 'error', index: 1, path: '/tools/1/functionDeclarations/1' });
  });

  it('reads snake_case and lists of tools, numbering entries across them', () => {
    const { functions } = importGemini(
      [{ function_declarations: [setLight] }, { functionDeclarations: [{ ...setLight, name: 'b' }] }],
      'l.json',
    );
    expect(functions.map((f) => [f.originalName, f.origin.index, f.origin.path])).toEqual([
      ['set_light', 0, '/0/function_declarations/0'],
      ['b', 1, '/1/functionDeclarations/0'],
    ]);
  });

  it('drops TYPE_UNSPECIFIED and a false nullable', () => {
    expect(geminiToJsonSchema({ type: 'TYPE_UNSPECIFIED', nullable: false, description: 'x' })).toEqual({
      description: 'x',
    });
  });
});
