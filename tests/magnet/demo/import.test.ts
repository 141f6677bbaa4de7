// The demo and benchmark libraries must go through the studio's own importers cleanly:
// that is how the demo project is seeded and how benchmarks load their libraries.
import { describe, expect, it } from 'vitest';

import {
  bfclLibraryFiles,
  generateBfclLibrary,
  generateToolBenchLibrary,
  toolFileName,
} from '../../../bench/generate-library';
import { DEMO_CLASSES, demoLibraryFiles } from '../../../lib/magnet/demo/library';
import { parseLibraryFiles } from '../../../lib/magnet/functions';

describe('importing the generated libraries', () => {
  it('imports the demo library as BFCL with one class per file and output schemas kept', () => {
    const lib = parseLibraryFiles(demoLibraryFiles(), { format: 'bfcl' });
    expect(lib.issues).toEqual([]);
    expect(lib.ok).toBe(true);
    expect(lib.functions.length).toBe(Object.values(DEMO_CLASSES).flat().length);
    expect(new Set(lib.functions.map((f) => f.category))).toEqual(new Set(Object.keys(DEMO_CLASSES)));
    for (const f of lib.functions) expect(f.returns).not.toBeNull();
  });

  it('imports generated ToolBench tool files without errors', () => {
    const tools = generateToolBenchLibrary({ functions: 300, seed: 1 });
    const lib = parseLibraryFiles(tools.map((t) => ({ name: toolFileName(t), text: JSON.stringify(t) })));
    expect(lib.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(lib.files.every((f) => f.format === 'toolbench')).toBe(true);
    expect(lib.functions.length).toBe(300);
  });

  it('imports a generated BFCL library without issues', () => {
    const lib = parseLibraryFiles(bfclLibraryFiles(generateBfclLibrary({ functions: 500, classes: 5, seed: 1 })), {
      format: 'bfcl',
    });
    expect(lib.issues).toEqual([]);
    expect(lib.functions.length).toBe(500);
    expect(new Set(lib.functions.map((f) => f.category)).size).toBe(5);
  });
});
