// Size limits for one import. A 16,000-function ToolBench library is ~40 MB of JSON; the limit
// leaves room for that while refusing what would exhaust the server's memory.
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_BYTES = 128 * 1024 * 1024;
// ToolBench ships one file per tool: 16,000 APIs come in ~3,000 files.
export const MAX_FILES = 10_000;
