/**
 * How `decode` prints, streamed: each event is written as it is decoded, so the output of a
 * stream of millions of events never sits in memory (nor in one string, which V8 caps). The
 * table, the decode report as JSON (one event per line inside it), NDJSON (one line per event,
 * then one for the rest of the report), or GitHub annotations for the findings.
 */
import type { EventRecord, Finding } from '../protocol/index.js';
import type { Decoded } from './decode-source.js';
import { formatAnnotation, formatClosing, formatRow, tableHeader } from './format.js';
import { toJson } from '../protocol/json-text.js';
import type { Io } from './io.js';

export type DecodeFormat = 'human' | 'json' | 'ndjson' | 'github';

export type DecodeWriter = {
  start(name: string): void;
  record(record: EventRecord): void;
  finding(finding: Finding): void;
  /** Writes what is pending and waits for standard output to take it. */
  flush(): Promise<void>;
  end(decoded: Decoded): void;
  /** The input broke off (unreadable): close what was started, saying why. */
  fail(message: string): void;
  /** After every input. */
  finish(): void;
  /** Whether anything reached standard output yet. */
  wrote(): boolean;
};

/** `"key": value` pretty-printed at `indent`. */
const member = (key: string, value: unknown, indent: string): string => `${indent}${JSON.stringify(key)}: ${toJson(value, 2).replace(/\n/g, `\n${indent}`)}`;

function buffered(io: Io): { write(text: string): void; flush(): Promise<void>; wrote(): boolean } {
  let pending: string[] = [];
  let wrote = false;
  return {
    write: (text) => void pending.push(text),
    async flush() {
      if (pending.length > 0) {
        io.stdout(pending.join(''));
        wrote = true;
      }
      pending = [];
      await io.drained?.();
    },
    wrote: () => wrote,
  };
}

function tableWriter(io: Io, several: boolean, columns: number): DecodeWriter {
  const out = buffered(io);
  let rows: EventRecord[] = [];
  // Findings arrive just after their event: rows wait for the end of the piece to show them.
  const marks = new Map<number, string[]>();
  const writeRows = (): void => {
    for (const record of rows) {
      out.write(formatRow(record, marks.get(record.index) ?? [], columns));
      marks.delete(record.index);
    }
    rows = [];
  };
  return {
    start(name) {
      if (several) out.write(`── ${name} ──\n`);
      out.write(tableHeader);
    },
    record: (record) => void rows.push(record),
    finding(finding) {
      if (finding.event !== null && rows.length > 0) marks.set(finding.event, [...(marks.get(finding.event) ?? []), finding.code]);
    },
    async flush() {
      writeRows();
      await out.flush();
    },
    end(decoded) {
      writeRows();
      marks.clear();
      out.write(formatClosing(decoded.report));
      if (several) out.write('\n');
      void out.flush();
    },
    fail(message) {
      writeRows();
      out.write(`(${message})\n\n`);
      void out.flush();
    },
    finish: () => void out.flush(),
    wrote: out.wrote,
  };
}

function jsonWriter(io: Io, several: boolean): DecodeWriter {
  const out = buffered(io);
  const indent = several ? '    ' : '  ';
  let files = 0;
  let events = 0;
  return {
    start(name) {
      if (several) out.write(`${files++ === 0 ? '[\n' : ',\n'}  {\n${member('file', name, indent)},\n`);
      else out.write('{\n');
      out.write(`${indent}"events": [`);
      events = 0;
    },
    record: (record) => out.write(`${events++ === 0 ? '\n' : ',\n'}${indent}  ${toJson(record)}`),
    finding() {},
    flush: () => out.flush(),
    end({ report }) {
      const close = events === 0 ? ']' : `\n${indent}]`;
      const rest = (['summary', 'findings', 'message'] as const).map((key) => member(key, report[key], indent));
      out.write(`${close},\n${rest.join(',\n')}\n${several ? '  }' : '}\n'}`);
      void out.flush();
    },
    fail(message) {
      out.write(`${events === 0 ? ']' : `\n${indent}]`},\n${member('error', message, indent)}\n${several ? '  }' : '}\n'}`);
      void out.flush();
    },
    finish() {
      if (several) out.write(files === 0 ? '[]\n' : '\n]\n');
      void out.flush();
    },
    wrote: out.wrote,
  };
}

function ndjsonWriter(io: Io): DecodeWriter {
  const out = buffered(io);
  let file = '';
  return {
    start(name) {
      file = name;
    },
    record: (record) => out.write(`${toJson({ file, event: record })}\n`),
    finding() {},
    flush: () => out.flush(),
    end({ report }) {
      out.write(`${toJson({ file, summary: report.summary, findings: report.findings, message: report.message })}\n`);
      void out.flush();
    },
    fail(message) {
      out.write(`${toJson({ file, error: message })}\n`);
      void out.flush();
    },
    finish: () => void out.flush(),
    wrote: out.wrote,
  };
}

function annotationWriter(io: Io): DecodeWriter {
  let wrote = false;
  return {
    start() {},
    record() {},
    finding() {},
    flush: async () => io.drained?.(),
    end(decoded) {
      for (const finding of decoded.report.findings) io.stdout(formatAnnotation(finding, decoded, decoded.lineOf(finding)));
      wrote = true;
    },
    fail() {},
    finish() {},
    wrote: () => wrote,
  };
}

export function createDecodeWriter(format: DecodeFormat, io: Io, several: boolean, columns: number): DecodeWriter {
  if (format === 'json') return jsonWriter(io, several);
  if (format === 'ndjson') return ndjsonWriter(io);
  if (format === 'github') return annotationWriter(io);
  return tableWriter(io, several, columns);
}
