/** The built-in scenarios, bundled as JSON (Node imports them; Vite inlines them for setupWorker). */
import abort from './builtins/abort.json' with { type: 'json' };
import autogptTurn from './builtins/autogpt-turn.json' with { type: 'json' };
import disconnect from './builtins/disconnect.json' with { type: 'json' };
import duplicateFinish from './builtins/duplicate-finish.json' with { type: 'json' };
import errorMidStream from './builtins/error-mid-stream.json' with { type: 'json' };
import largePayload from './builtins/large-payload.json' with { type: 'json' };
import longTool from './builtins/long-tool.json' with { type: 'json' };
import malformedJson from './builtins/malformed-json.json' with { type: 'json' };
import plainText from './builtins/plain-text.json' with { type: 'json' };
import reasoning from './builtins/reasoning.json' with { type: 'json' };
import slowDrip from './builtins/slow-drip.json' with { type: 'json' };
import stallSilent from './builtins/stall-silent.json' with { type: 'json' };
import stopCompletes from './builtins/stop-completes.json' with { type: 'json' };
import stopIgnored from './builtins/stop-ignored.json' with { type: 'json' };
import stuckSession from './builtins/stuck-session.json' with { type: 'json' };
import toolApproval from './builtins/tool-approval.json' with { type: 'json' };
import toolMultistep from './builtins/tool-multistep.json' with { type: 'json' };
import unknownChunkType from './builtins/unknown-chunk-type.json' with { type: 'json' };
import { formatProblem, validateScenario } from '../../protocol/scenarios/validate.js';
import type { Scenario } from '../../protocol/scenarios/schema.js';

const files: Record<string, unknown> = {
  'abort.json': abort,
  'autogpt-turn.json': autogptTurn,
  'disconnect.json': disconnect,
  'duplicate-finish.json': duplicateFinish,
  'error-mid-stream.json': errorMidStream,
  'large-payload.json': largePayload,
  'long-tool.json': longTool,
  'malformed-json.json': malformedJson,
  'plain-text.json': plainText,
  'reasoning.json': reasoning,
  'slow-drip.json': slowDrip,
  'stall-silent.json': stallSilent,
  'stop-completes.json': stopCompletes,
  'stop-ignored.json': stopIgnored,
  'stuck-session.json': stuckSession,
  'tool-approval.json': toolApproval,
  'tool-multistep.json': toolMultistep,
  'unknown-chunk-type.json': unknownChunkType,
};

/** A built-in that does not validate is a bug in streamscope, not user input: fail loudly. */
function load(file: string, value: unknown): Scenario {
  const result = validateScenario(value, `builtins/${file}`);
  if (!result.ok) throw new Error(`[streamscope] invalid built-in scenario:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.scenario;
}

export const builtinScenarios: readonly Scenario[] = Object.entries(files).map(([file, value]) => load(file, value));

export const defaultScenarioName = 'plain-text';
