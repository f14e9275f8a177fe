/**
 * `streamscope lint [FILE…|-|URL] [--fail-on error|warning|info] [--json|--format github]`: the
 * findings of every input, each line naming its input, then one summary line; exit 1 when any
 * finding reaches the threshold. Inputs are streamed and no event is kept, so an endless
 * `lint -` stays bounded. A URL is read live with each event's arrival time, so stalls show.
 */
import { severities, type Finding } from '../protocol/index.js';
import { decodeSource } from './decode-source.js';
import { formatAnnotation, formatFinding, formatTotals } from './format.js';
import { eachSource, exitCode, readFormat, readSourceOptions } from './inputs.js';
import type { Io } from './io.js';
import { toJson } from '../protocol/json-text.js';
import { decodeOptions, oneOf, parse, readSources } from './options.js';

const formats = ['human', 'json', 'github'] as const;

type FileResult = { file: string; findings: Finding[] } | { file: string; error: string };

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { ...decodeOptions, 'fail-on': { type: 'string' } });
  const failOn = oneOf('fail-on', values['fail-on'], severities) ?? 'error';
  const format = readFormat(values, formats);
  const sources = readSources('lint', positionals);
  const options = await readSourceOptions('lint', values, sources);
  const results: FileResult[] = [];
  const totals = await eachSource(
    'lint',
    sources,
    io,
    async (input) => {
      const decoded = await decodeSource(input, { ...options, lines: format === 'github' }, io);
      const { name, report } = decoded;
      if (format === 'json') results.push({ file: name, findings: report.findings });
      else if (format === 'github') for (const finding of report.findings) io.stdout(formatAnnotation(finding, decoded, decoded.lineOf(finding)));
      else if (report.findings.length === 0) io.stdout(`${name}: no findings\n`);
      else for (const finding of report.findings) io.stdout(`${name}: ${formatFinding(finding)}\n`);
      return report.findings.map((finding) => finding.severity);
    },
    failOn,
    (name, message) => results.push({ file: name, error: message }),
  );
  if (format === 'json') io.stdout(`${toJson({ files: results, summary: { ...totals, failOn } }, 2)}\n`);
  else io.stdout(formatTotals(totals, failOn));
  return exitCode(totals);
}
