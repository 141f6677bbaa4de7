import { describe, expect, it } from 'vitest';
import { importOpenAI } from '../../../lib/magnet/functions';
import { codes, errors } from './helpers';

const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city.',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
      required: ['city'],
      additionalProperties: false,
    },
    strict: true,
  },
};

describe('importOpenAI', () => {
  it('normalizes a tool list', () => {
    const { functions, issues } = importOpenAI([weather], 'tools.json');
    expect(issues).toEqual([]);
    expect(functions).toHaveLength(1);
    expect(functions[0]).toEqual({
      originalName: 'get_weather',
      description: 'Current weather for a city.',
      parameters: weather.function.parameters,
      returns: null,
      category: '',
      tags: ['strict'],
      sourceFormat: 'openai',
      raw: weather,
      origin: { file: 'tools.json', index: 0, path: '/0' },
    });
  });

  it('reads {tools}, flat Responses API tools and legacy bare functions', () => {
    const flat = { type: 'function', name: 'flat', description: 'x', parameters: { type: 'object', properties: {} } };
    const legacy = {
      name: 'legacy',
      description: 'y',
      parameters: { type: 'object', properties: { a: { type: 'integer' } } },
    };
    const { functions, issues } = importOpenAI({ model: 'gpt', tools: [weather, flat, legacy] }, 'req.json');
    expect(errors(issues)).toEqual([]);
    expect(functions.map((f) => [f.originalName, f.origin.path])).toEqual([
      ['get_weather', '/tools/0'],
      ['flat', '/tools/1'],
      ['legacy', '/tools/2'],
    ]);
    expect(functions[2].parameters).toEqual(legacy.parameters);
  });

  it('gives a function without parameters an empty object schema', () => {
    const { functions } = importOpenAI(
      [{ type: 'function', function: { name: 'now', description: 'Time.' } }],
      't.json',
    );
    expect(functions[0].parameters).toEqual({ type: 'object', properties: {} });
  });

  it('skips built-in tools with a warning', () => {
    const { functions, issues } = importOpenAI([{ type: 'web_search' }, weather], 't.json');
    expect(functions).toHaveLength(1);
    expect(issues).toMatchObject([{ level: 'warning', code: 'unsupported_tool', index: 0, path: '/0' }]);
  });

  it('rejects parameters that are not an object schema, with file, index and path', () => {
    const bad = { type: 'function', function: { name: 'f', description: 'd', parameters: 'string' } };
    const { functions, issues } = importOpenAI([weather, bad], 't.json');
    expect(functions.map((f) => f.originalName)).toEqual(['get_weather']);
    expect(issues).toMatchObject([
      { level: 'error', code: 'invalid_schema', file: 't.json', index: 1, path: '/1/function/parameters' },
    ]);
    expect(issues[0].message).toMatch(/Parameters must be a JSON Schema object/);
  });

  it('rejects an entry without a name', () => {
    const { functions, issues } = importOpenAI([{ type: 'function', function: { description: 'd' } }], 't.json');
    expect(functions).toEqual([]);
    expect(codes(issues)).toEqual(['invalid_function']);
  });

  it('warns about names OpenAI rejects, giving the exported name', () => {
    const tool = {
      type: 'function',
      function: { name: 'get weather!', description: 'd', parameters: { type: 'object', properties: {} } },
    };
    const { functions, issues } = importOpenAI([tool], 't.json');
    expect(functions).toHaveLength(1);
    expect(issues).toMatchObject([{ level: 'warning', code: 'openai_name', index: 0, path: '/0' }]);
    expect(issues[0].message).toContain('"get_weather_"');
  });
});
