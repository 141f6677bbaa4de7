// Conformance on the reference data in ../shared/data (see its SOURCES.md). Skips, with a
// printed reason, when that folder is absent.
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  importMcp,
  importOpenAI,
  parseLibraryFiles,
  parseText,
  resolveNames,
  toMcpToolsList,
  toOpenAITools,
  type NormalizedFunction,
} from '../../../lib/magnet/functions';
import { allTypes, compiles, errors } from './helpers';
import { hasSharedData, sharedDir, sharedFile } from '../../helpers/shared-data';

const asExportable = (f: NormalizedFunction) => ({ ...f, name: f.originalName });

describe.skipIf(!hasSharedData)('BFCL v3 multi-turn function docs', () => {
  const files = hasSharedData ? sharedDir('bfcl_v3/multi_turn_func_doc').map(sharedFile) : [];
  const result = parseLibraryFiles(files);
  const perClass = Object.fromEntries(result.files.map((f) => [f.file.replace(/\.json$/, ''), f.functions.length]));

  it('imports 129 functions in 8 classes without an issue', () => {
    console.log(`BFCL: ${result.functions.length} functions in ${result.files.length} classes`, perClass);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.files.every((f) => f.format === 'bfcl')).toBe(true);
    expect(result.functions).toHaveLength(129);
    expect(perClass).toEqual({
      gorilla_file_system: 18,
      math_api: 17,
      message_api: 10,
      posting_api: 14,
      ticket_api: 9,
      trading_bot: 22,
      travel_booking: 17,
      vehicle_control: 22,
    });
    expect(new Set(result.functions.map((f) => f.category)).size).toBe(8);
  });

  it('leaves no BFCL type anywhere, and every schema compiles with Ajv2020', () => {
    for (const fn of result.functions) {
      for (const schema of [fn.parameters, fn.returns]) {
        expect(schema).not.toBeNull();
        expect(compiles(schema!)).toBe(true);
        for (const type of allTypes(schema))
          expect(['dict', 'float', 'tuple', 'any'], `${fn.originalName}: ${type}`).not.toContain(type);
      }
      expect(fn.parameters.type).toBe('object');
    }
  });

  it('turns every BFCL response into returns', () => {
    const withResponse = result.functions.filter((f) => (f.raw as { response?: unknown }).response !== undefined);
    expect(withResponse).toHaveLength(129);
    expect(withResponse.every((f) => f.returns !== null && f.returns.type === 'object')).toBe(true);
  });

  it('normalizes a known function exactly', () => {
    const cd = result.functions.find((f) => f.category === 'gorilla_file_system' && f.originalName === 'cd')!;
    expect(cd.parameters).toEqual({
      type: 'object',
      properties: {
        folder: {
          type: 'string',
          description: 'The folder of the directory to change to. You can only change one folder at a time. ',
        },
      },
      required: ['folder'],
    });
    expect(cd.returns).toEqual({
      type: 'object',
      properties: {
        current_working_directory: { type: 'string', description: 'The new current working directory path.' },
      },
    });
  });

  it('round-trips through the OpenAI and MCP exporters', () => {
    const viaOpenAI = importOpenAI(
      JSON.parse(JSON.stringify(toOpenAITools(result.functions.map(asExportable)))),
      'openai.json',
    );
    expect(errors(viaOpenAI.issues)).toEqual([]);
    expect(viaOpenAI.functions.map((f) => f.parameters)).toEqual(result.functions.map((f) => f.parameters));
    const viaMcp = importMcp(
      JSON.parse(JSON.stringify(toMcpToolsList(result.functions.map(asExportable)))),
      'mcp.json',
    );
    expect(errors(viaMcp.issues)).toEqual([]);
    expect(viaMcp.functions.map((f) => [f.parameters, f.returns])).toEqual(
      result.functions.map((f) => [f.parameters, f.returns]),
    );
  });

  it('needs no renaming: the 8 classes share no function name', () => {
    const { assigned, issues } = resolveNames([], result.functions);
    expect(issues).toEqual([]);
    expect(assigned.every((a) => a.name === a.fn.originalName)).toBe(true);
  });

  it('does not take the BFCL test entries and answers for a function library', () => {
    for (const rel of [
      'bfcl_v3/BFCL_v3_multi_turn_base.json',
      'bfcl_v3/possible_answer/BFCL_v3_multi_turn_base.json',
      'llamafactory/glaive_toolcall_en_demo.json',
    ]) {
      const { name, text } = sharedFile(rel);
      const parsed = parseText(text, name);
      expect(parsed.ok, rel).toBe(true);
      if (parsed.ok) expect(detectFormat(parsed.value, name), rel).toBeNull();
    }
  });
});

describe.skipIf(!hasSharedData)('MCP tools/list captures', () => {
  it.each([
    ['mcp/server-filesystem.json', 'secure-filesystem-server', 14],
    ['mcp/server-memory.json', 'memory-server', 9],
  ])('%s imports with zero errors', (rel, server, count) => {
    const result = parseLibraryFiles([sharedFile(rel)]);
    console.log(`MCP ${rel}: ${result.functions.length} tools, ${result.issues.length} issues, server "${server}"`);
    expect(errors(result.issues)).toEqual([]);
    expect(result.files[0].format).toBe('mcp');
    expect(result.functions).toHaveLength(count);
    for (const fn of result.functions) {
      expect(fn.category).toBe(server);
      expect(compiles(fn.parameters)).toBe(true);
      expect(JSON.stringify(fn.parameters)).not.toContain('$schema');
      expect(fn.returns).not.toBeNull();
      expect(compiles(fn.returns!)).toBe(true);
    }
  });

  it('turns annotation hints into tags and keeps title in raw', () => {
    const { functions } = parseLibraryFiles([sharedFile('mcp/server-filesystem.json')]);
    const byName = new Map(functions.map((f) => [f.originalName, f]));
    expect(byName.get('read_text_file')!.tags).toEqual(['readOnly']);
    expect(byName.get('write_file')!.tags).toEqual(['destructive', 'idempotent']);
    expect(byName.get('move_file')!.tags).toEqual([]);
    expect((byName.get('read_text_file')!.raw as { title: string }).title).toBe('Read Text File');
  });
});

describe.skipIf(!hasSharedData)('ToolBench files', () => {
  it('imports the tool file with zero errors', () => {
    const result = parseLibraryFiles([sharedFile('toolbench/olato_quotes.json')]);
    console.log(
      `ToolBench olato_quotes.json: ${result.functions.length} APIs, warnings: ${result.issues.map((i) => i.code).join(', ')}`,
    );
    expect(errors(result.issues)).toEqual([]);
    expect(result.functions.map((f) => f.originalName)).toEqual(['Love Quote', 'Success Quote', 'Motivation Quote']);
    expect(result.functions.every((f) => f.category === 'Olato Quotes')).toBe(true);
    expect(result.functions[0].parameters).toEqual({
      type: 'object',
      properties: { quotes: { type: 'string', default: 'random quotes' } },
    });
  });

  it('imports the distinct APIs of the query file with zero errors', () => {
    const result = parseLibraryFiles([sharedFile('toolbench/G1_query.json')]);
    console.log(
      `ToolBench G1_query.json: ${result.functions.length} distinct APIs, warnings: ${result.issues.map((i) => i.code).join(', ')}`,
    );
    expect(errors(result.issues)).toEqual([]);
    expect(result.functions).toHaveLength(12);
    const perTool: Record<string, number> = {};
    for (const f of result.functions) perTool[f.category] = (perTool[f.category] ?? 0) + 1;
    expect(perTool).toEqual({ SQUAKE: 2, 'Transportistas de Argentina': 10 });
    expect(result.functions.every((f) => f.tags.join() === 'Logistics')).toBe(true);
    const quote = result.functions.find(
      (f) => f.originalName === '/quotes/postcode/correo_argentino/:weight/:postCodeSrc/:postCodeDst',
    )!;
    expect(quote.parameters.required).toEqual(['postCodeDst', 'postCodeSrc', 'weight']);
    expect((quote.parameters.properties as Record<string, unknown>).weight).toEqual({
      type: 'number',
      description: 'Weight in KG',
    });
  });
});
