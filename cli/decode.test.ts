import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeStream } from '../protocol/index.js';
import { cli, scratchFiles } from './test-support/run-cli.js';

const file = scratchFiles();
const root = fileURLToPath(new URL('..', import.meta.url));

/** A stream of `count` text deltas with heartbeats between them: several read pieces long. */
const longStream = (count: number): string =>
  `data: {"type":"start"}\n\ndata: {"type":"text-start","id":"t"}\n\n${'data: {"type":"text-delta","id":"t","delta":"ab"}\n\n: heartbeat\n\n'.repeat(count)}data: {"type":"text-end","id":"t"}\n\ndata: {"type":"finish"}\n\n`;

describe('decode output is streamed', () => {
  it('--json prints the whole decode report, written piece by piece as the input is read', async () => {
    const text = longStream(5_000);
    const run = await cli('decode', file('long.sse', text), '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(await decodeStream(text))));
    expect(run.writes).toBeGreaterThan(2);
  });

  it('--ndjson prints one line per event, then one with the summary, findings and message', async () => {
    const text = longStream(50);
    const path = file('short.sse', text);
    const run = await cli('decode', path, '--ndjson');
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    const expected = JSON.parse(JSON.stringify(await decodeStream(text)));
    expect(lines.slice(0, -1)).toEqual(expected.events.map((event: unknown) => ({ file: path, event })));
    expect(lines.at(-1)).toEqual({ file: path, summary: expected.summary, findings: expected.findings, message: expected.message });
  });

  it('prints a report per input, named, with several inputs: a JSON array, or tables and a summary line', async () => {
    const one = file('one.sse', longStream(1));
    const two = file('two.sse', 'data: {"type":"start"}\n\n');
    const json = JSON.parse((await cli('decode', one, two, '--json')).stdout);
    expect(json.map((report: { file: string }) => report.file)).toEqual([one, two]);
    expect(json[1].findings.map((finding: { code: string }) => finding.code)).toEqual(['missing-finish', 'missing-done']);
    const table = await cli('decode', one, two);
    expect(table.stdout).toContain(`── ${one} ──\n`);
    expect(table.stdout).toContain(`── ${two} ──\n`);
    expect(table.stdout.trimEnd().split('\n').at(-1)).toBe('2 files read · 1 error, 0 warnings, 2 info');
  });

  it('closes the JSON of an input it could not read, and still reads the others', async () => {
    const run = await cli('decode', file('nul.sse', 'data: {"type":"start"}\n\n\0'), file('ok.sse', longStream(1)), '--json');
    expect(run.code).toBe(2);
    const [broken, ok] = JSON.parse(run.stdout);
    expect(broken.error).toMatch(/nul\.sse: binary data \(a NUL byte at offset 24\)/);
    expect(ok.summary.finished).toBe(true);
  });

  it('prints metadata nested 10,000 deep in every format without throwing', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const path = file('deep.sse', `data: {"type":"start","messageMetadata":${deep}}\n\ndata: {"type":"message-metadata","messageMetadata":${deep}}\n\ndata: {"type":"finish"}\n\n`);
    for (const format of ['json', 'ndjson', 'human', 'github']) {
      const run = await cli('decode', path, '--format', format);
      expect({ format, code: run.code, stderr: run.stderr }).toEqual({ format, code: 0, stderr: '' });
    }
    let depth = 0;
    for (let value = JSON.parse((await cli('decode', path, '--json')).stdout).message.metadata; typeof value === 'object'; value = value.a) depth++;
    expect(depth).toBe(10_000);
  });
});

describe('standard output closed early', () => {
  it('ends quietly when the reader goes away (| head), with no stack trace', async () => {
    const path = file('head.sse', longStream(5_000));
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'decode', path], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    // Read the first piece, then close the pipe, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });
});
