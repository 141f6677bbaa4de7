// Public API of the function library: import, validate, name and export functions.
export * from './types';
export { detectFormat, candidateFormats, FORMAT_SHAPES } from './detect';
export { parseText, locateJsonError, lineAndColumn, type ParsedText } from './parse-text';
export { importOpenAI } from './import-openai';
export { importBfcl, bfclToJsonSchema } from './import-bfcl';
export { importToolBench } from './import-toolbench';
export { importMcp } from './import-mcp';
export { importGemini, geminiToJsonSchema } from './import-gemini';
export {
  normalizeJsonSchema,
  completeParametersSchema,
  validateParametersSchema,
  validateReturnsSchema,
  type SchemaOwner,
} from './schema';
export {
  isOpenAIName,
  toOpenAIName,
  slug,
  resolveNames,
  findDuplicates,
  type ExistingFunctionName,
  type NameAssignment,
} from './names';
export { parseLibraryFiles, IMPORTERS, type LibraryFile, type ParsedLibrary } from './import-library';
export { toOpenAITools, toMcpToolsList, type OpenAITool, type McpTool } from './export-library';
