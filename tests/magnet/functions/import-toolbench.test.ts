import { describe, expect, it } from 'vitest';
import { importToolBench } from '../../../lib/magnet/functions';
import { codes, errors } from './helpers';

const toolFile = {
  tool_name: 'Weather Hub',
  tool_description: 'Weather data.',
  category_name: 'Weather',
  api_list: [
    {
      name: 'Forecast',
      description: 'Daily forecast.',
      method: 'GET',
      required_parameters: [
        { name: 'city', type: 'STRING', description: 'City name', default: 'Paris' },
        { name: 'days', type: 'NUMBER', description: 'How many days', default: '3' },
      ],
      optional_parameters: [
        { name: 'units', type: 'ENUM', description: '', default: '' },
        { name: 'start', type: 'DATE (YYYY-MM-DD)', description: 'First day', default: '2024-01-01' },
        { name: 'at', type: 'time (24-hour HH:MM)', description: '', default: '' },
        { name: 'where', type: 'GEOPOINT (latitude, longitude)', description: '', default: '48.85,2.35' },
        { name: 'daily', type: 'Boolean', description: '', default: 'true' },
        { name: 'ids', type: 'ARRAY', description: '', default: '[1,2]' },
        { name: 'opts', type: 'OBJECT', description: '', default: '' },
        { name: 'file', type: 'BINARY', description: '', default: '' },
      ],
    },
    { name: 'Ping', description: ' ', method: 'GET', required_parameters: [], optional_parameters: [] },
  ],
};

describe('importToolBench: tool files', () => {
  it('turns api_list entries into functions with JSON Schema parameters', () => {
    const { functions, issues } = importToolBench(toolFile, 'weather_hub.json');
    expect(errors(issues)).toEqual([]);
    expect(functions.map((f) => f.originalName)).toEqual(['Forecast', 'Ping']);
    const [forecast] = functions;
    expect(forecast.category).toBe('Weather Hub');
    expect(forecast.tags).toEqual(['Weather']);
    expect(forecast.raw).toBe(toolFile.api_list[0]);
    expect(forecast.origin).toEqual({ file: 'weather_hub.json', index: 0, path: '/api_list/0' });
    expect(forecast.parameters).toEqual({
      type: 'object',
      properties: {
        city: { type: 'string', description: 'City name', examples: ['Paris'] },
        days: { type: 'number', description: 'How many days', examples: [3] },
        units: { type: 'string' },
        start: { type: 'string', format: 'date', description: 'First day', default: '2024-01-01' },
        at: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
        where: {
          type: 'string',
          pattern: '^\\s*-?\\d+(\\.\\d+)?\\s*,\\s*-?\\d+(\\.\\d+)?\\s*$',
          default: '48.85,2.35',
        },
        daily: { type: 'boolean', default: true },
        ids: { type: 'array' },
        opts: { type: 'object' },
        file: { type: 'string' },
      },
      required: ['city', 'days'],
    });
  });

  it('warns about unknown types, missing descriptions and names OpenAI rejects', () => {
    const { issues } = importToolBench(toolFile, 'weather_hub.json');
    expect(issues.map((i) => [i.code, i.index, i.path])).toEqual([
      ['unknown_type', 0, '/api_list/0/optional_parameters/7'],
      ['missing_description', 1, '/api_list/1'],
    ]);
    const renamed = importToolBench(
      { tool_name: 'T', api_list: [{ ...toolFile.api_list[1], name: 'Get Quote' }] },
      't.json',
    );
    expect(codes(renamed.issues)).toEqual(['openai_name', 'missing_description']);
  });

  it('skips unnamed and repeated parameters with a warning', () => {
    const api = {
      name: 'a',
      description: 'd',
      required_parameters: [{ name: 'x', type: 'STRING' }, { type: 'STRING' }],
      optional_parameters: [{ name: 'x', type: 'NUMBER' }],
    };
    const { functions, issues } = importToolBench({ tool_name: 'T', api_list: [api] }, 't.json');
    expect(functions[0].parameters).toEqual({ type: 'object', properties: { x: { type: 'string' } }, required: ['x'] });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_parameter', '/api_list/0/required_parameters/1'],
      ['invalid_parameter', '/api_list/0/optional_parameters/0'],
    ]);
  });
});

describe('importToolBench: query files', () => {
  const api = (tool: string, name: string, extra = {}) => ({
    category_name: 'Finance',
    tool_name: tool,
    api_name: name,
    api_description: `${name} endpoint`,
    required_parameters: [],
    optional_parameters: [],
    method: 'GET',
    ...extra,
  });
  const queries = [
    {
      query: 'q1',
      api_list: [
        api('Stocks', 'Quote', {
          required_parameters: [{ name: 'symbol', type: 'STRING', description: 'Ticker', default: '' }],
        }),
        api('Stocks', 'History'),
      ],
      query_id: 1,
    },
    { query: 'q2', api_list: [api('Stocks', 'Quote'), api('FX', 'Quote')], query_id: 2 },
  ];

  it('imports each distinct API once: category = tool, tag = ToolBench category', () => {
    const { functions, issues } = importToolBench(queries, 'G1_query.json');
    expect(issues).toEqual([]);
    expect(functions.map((f) => [f.category, f.originalName, f.origin.index, f.origin.path])).toEqual([
      ['Stocks', 'Quote', 0, '/0/api_list/0'],
      ['Stocks', 'History', 1, '/0/api_list/1'],
      ['FX', 'Quote', 3, '/1/api_list/1'],
    ]);
    expect(functions[0].tags).toEqual(['Finance']);
    expect(functions[0].parameters).toEqual({
      type: 'object',
      properties: { symbol: { type: 'string', description: 'Ticker' } },
      required: ['symbol'],
    });
    expect((functions[0].raw as { method: string }).method).toBe('GET');
  });

  it('reports a query without api_list', () => {
    const { issues } = importToolBench([...queries, { query: 'q3' }], 'q.json');
    expect(issues).toMatchObject([{ level: 'error', code: 'invalid_function', index: null, path: '/2' }]);
  });
});

describe('an array of ToolBench tool files', () => {
  it('imports every tool, with indexes and paths across the file', () => {
    const tool = (name: string, apis: string[]) => ({
      tool_name: name,
      api_list: apis.map((a) => ({
        name: a,
        description: `${a} api`,
        method: 'GET',
        required_parameters: [],
        optional_parameters: [],
      })),
    });
    const r = importToolBench([tool('Alpha', ['one', 'two']), tool('Beta', ['three', ''])], 'tools.json');
    expect(r.functions.map((f) => [f.category, f.originalName, f.origin.index, f.origin.path])).toEqual([
      ['Alpha', 'one', 0, '/0/api_list/0'],
      ['Alpha', 'two', 1, '/0/api_list/1'],
      ['Beta', 'three', 2, '/1/api_list/0'],
    ]);
    const bad = r.issues.find((i) => i.level === 'error')!;
    expect(bad).toMatchObject({ index: 3, path: '/1/api_list/1' });
  });
});
