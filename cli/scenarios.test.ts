import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './io.js';
import { run } from './scenarios.js';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'streamscope-scenarios-cli-'));
const file = (name: string, content: unknown) => {
  const path = join(scratch, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('streamscope scenarios', () => {
  it('lists the built-ins with dialect and expected findings, as a table or JSON', async () => {
    const table = await cli('list');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^stuck-session\s+autogpt\s+missing-finish, missing-done, stall\s+AutoGPT's stuck session/m);
    const json = JSON.parse((await cli('list', '--json')).stdout) as { name: string; expect: string[] }[];
    expect(json.find((entry) => entry.name === 'plain-text')).toEqual({ name: 'plain-text', description: expect.any(String), dialect: 'ai-sdk', expect: [] });
  });

  it('validates files: ok lines on stdout, problems with file and JSON path on stderr, exit 2 when any fail', async () => {
    const good = file('good.json', { expect: [], steps: [{ step: 'text', text: 'hi', rate: 10 }, { step: 'done' }] });
    const bad = file('bad.json', { expect: [], steps: [{ step: 'delay', ms: -1 }] });
    const result = await cli('validate', good, bad, join(scratch, 'missing.json'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(`${good}: ok (scenario "good", 2 steps)\n`);
    expect(result.stderr).toBe(`${bad}: $.steps[0].ms: Too small: expected number to be >=0\n${join(scratch, 'missing.json')}: $: no such file\n`);
    expect((await cli('validate', good)).code).toBe(0);
  });

  it('prints the JSON Schema', async () => {
    const schema = JSON.parse((await cli('schema')).stdout) as { $schema: string; required: string[] };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(['expect', 'steps']);
  });

  it('rejects unknown actions and missing files as usage errors', async () => {
    await expect(cli('frobnicate')).rejects.toThrow(new UsageError('scenarios: expected "list [--json]", "validate FILE…" or "schema", got "frobnicate"'));
    await expect(cli('validate')).rejects.toThrow(UsageError);
  });
});
