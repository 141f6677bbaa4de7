// Public API of the Runs stage's core (DESIGN.md, Magnet step 4): the translation loop, the
// built-in template teacher, the schema-synthesized executor and call checks. Pure and
// deterministic for a seed (given a deterministic teacher and executor).
export * from './types';
export type {
  TranslationTeacher,
  QueryRequest,
  CallsRequest,
  AnswerRequest,
  MissingRequest,
  SupplyRequest,
  HintedTurnRequest,
  HintedTurn,
} from './teacher';
export { createTemplateTeacher, actionOf, words } from './template-teacher';
export {
  translatePath,
  prepareGraph,
  schemaExecutor,
  type Executor,
  type TranslateOptions,
  type TranslationGraph,
} from './translate-path';
export { checkCall, fitsSchema, CALL_ISSUE_CODES, type CallIssue, type CallIssueCode } from './check-call';
export { synthesizeOutput } from './executor';
export { synthesizeValue } from './values';
export { readFieldPath } from './field-path';
export {
  PROMPT_OPERATIONS,
  PROMPT_SYSTEMS,
  PROMPT_TEMPLATES,
  PROMPT_VERSIONS,
  promptVersion,
  fillTemplate,
  renderPrompt,
  renderHistory,
  renderTasks,
  queryPromptVars,
  callsPromptVars,
  answerPromptVars,
  missingPromptVars,
  supplyPromptVars,
  simulatePromptVars,
  type PromptOperation,
  type PromptOverrides,
  type RenderedPrompt,
  type SimulatePromptRequest,
} from './prompts';
