import { describe, expect, it } from 'vitest';
import { bfclToJsonSchema, importBfcl } from '../../../lib/magnet/functions';
import { allTypes } from './helpers';

const ls = {
  name: 'ls',
  description: 'List the directory.',
  parameters: {
    type: 'dict',
    properties: {
      a: { type: 'boolean', description: 'Show hidden files.', default: false },
      ratio: { type: 'float' },
      point: { type: 'tuple', items: { type: 'float' } },
      anything: { type: 'any', description: 'Free.' },
      nested: {
        type: 'dict',
        properties: { deep: { type: 'array', items: { type: 'dict', properties: { x: { type: 'float' } } } } },
      },
      map: { type: 'dict', additionalProperties: { type: 'float' } },
    },
    required: ['a'],
  },
  response: { type: 'dict', properties: { current_directory_content: { type: 'array', items: { type: 'string' } } } },
};

describe('importBfcl', () => {
  it('maps BFCL types everywhere and keeps everything else', () => {
    const { functions, issues } = importBfcl([ls], 'data/gorilla_file_system.json');
    expect(issues).toEqual([]);
    const [fn] = functions;
    expect(fn.category).toBe('gorilla_file_system');
    expect(fn.sourceFormat).toBe('bfcl');
    expect(fn.parameters).toEqual({
      type: 'object',
      properties: {
        a: { type: 'boolean', description: 'Show hidden files.', default: false },
        ratio: { type: 'number' },
        point: { type: 'array', items: { type: 'number' } },
        anything: { description: 'Free.' },
        nested: {
          type: 'object',
          properties: { deep: { type: 'array', items: { type: 'object', properties: { x: { type: 'number' } } } } },
        },
        map: { type: 'object', additionalProperties: { type: 'number' } },
      },
      required: ['a'],
    });
    expect(fn.returns).toEqual({
      type: 'object',
      properties: { current_directory_content: { type: 'array', items: { type: 'string' } } },
    });
    expect(fn.raw).toBe(ls);
  });

  it('does not mutate the source and leaves property names alone', () => {
    const source = { type: 'dict', properties: { type: { type: 'dict', properties: {} } } };
    const copy = structuredClone(source);
    expect(bfclToJsonSchema(source)).toEqual({
      type: 'object',
      properties: { type: { type: 'object', properties: {} } },
    });
    expect(source).toEqual(copy);
  });

  it('keeps dots in names, with an OpenAI-name warning', () => {
    const fn = {
      name: 'math.sqrt',
      description: 'Square root.',
      parameters: { type: 'dict', properties: { x: { type: 'float' } }, required: ['x'] },
    };
    const { functions, issues } = importBfcl(fn, 'math_api.json');
    expect(functions[0].originalName).toBe('math.sqrt');
    expect(functions[0].origin).toEqual({ file: 'math_api.json', index: 0, path: '' });
    expect(issues).toMatchObject([{ code: 'openai_name', level: 'warning' }]);
    expect(issues[0].message).toContain('"math_sqrt"');
  });

  it('reports a BFCL type it does not know, at its path', () => {
    const bad = { name: 'f', description: 'd', parameters: { type: 'dict', properties: { x: { type: 'banana' } } } };
    const { functions, issues } = importBfcl([ls, bad], 'x.json');
    expect(functions).toHaveLength(1);
    expect(issues).toMatchObject([
      { level: 'error', code: 'invalid_schema', index: 1, path: '/1/parameters/properties/x/type' },
    ]);
    expect(issues[0].message).toContain('unknown type "banana"');
    expect(allTypes(functions[0].parameters)).not.toContain('dict');
  });
});
