// Writing a project's functions back out as OpenAI tools or an MCP tools/list result.
import { toOpenAIName } from './names';
import type { ExportableFunction, JsonSchema } from './types';

export interface OpenAITool {
  type: 'function';
  function: { name: string; description: string; parameters: JsonSchema; strict?: true };
}

export interface McpTool {
  name: string;
  description: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
}

/**
 * OpenAI function tools. Names are made valid for OpenAI; two names that become the same get
 * `_2`, `_3`... (still within 64 characters), in input order. Output schemas have no place
 * in OpenAI tools and are left out; the 'strict' tag comes back as `strict: true`.
 */
export function toOpenAITools(fns: readonly ExportableFunction[]): OpenAITool[] {
  const used = new Set<string>();
  return fns.map((fn) => {
    const base = toOpenAIName(fn.name);
    let name = base;
    for (let n = 2; used.has(name); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, 64 - suffix.length) + suffix;
    }
    used.add(name);
    return {
      type: 'function',
      function: {
        name,
        description: fn.description,
        parameters: fn.parameters,
        ...(fn.tags.includes('strict') ? { strict: true as const } : {}),
      },
    };
  });
}

/**
 * An MCP `tools/list` result. MCP requires an output schema to be an object schema, so other
 * output schemas are left out.
 */
export function toMcpToolsList(fns: readonly ExportableFunction[]): { tools: McpTool[] } {
  return {
    tools: fns.map((fn) => ({
      name: fn.name,
      description: fn.description,
      inputSchema: fn.parameters,
      ...(fn.returns && fn.returns.type === 'object' ? { outputSchema: fn.returns } : {}),
    })),
  };
}
