/** What every host of the mock server shares (Node, browser): scenarios and handlers. */
export { scenarioSchema, stepSchema, scenarioJsonSchema, type Scenario, type ScenarioFile, type Step } from '../protocol/scenarios/schema.js';
export { parseScenario, validateScenario, formatProblem, type ScenarioProblem, type ScenarioResult } from '../protocol/scenarios/validate.js';
export { builtinScenarios, defaultScenarioName } from './scenarios/builtins.js';
export { createRegistry, type Registry, type ScenarioEntry } from './scenarios/registry.js';
export { expandSteps, type Action } from '../protocol/scenarios/expand.js';
export { createMockContext, defaultResumeWindowMs, type MockContext, type MockOptions } from './handlers/context.js';
export { createMockHandlers } from './handlers/chat-handlers.js';
export { createMockControl, type MockControl } from './handlers/control.js';
export { scenarioHeader } from './handlers/pick-scenario.js';
export type { MockStats } from './handlers/stats.js';
