/**
 * Runs `web-ext lint` (addons-linter) on a built Firefox extension and returns its messages,
 * so a test or a script can fail on errors without parsing console output.
 */
/// <reference path="./web-ext.d.ts" />
import webExt from 'web-ext';

export type LintMessage = { code: string; message: string; description?: string; file?: string };
export type LintResult = { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };

export async function lintFirefoxExtension(sourceDir: string): Promise<LintResult> {
  const result = (await webExt.cmd.lint(
    { sourceDir, output: 'none', selfHosted: false, boring: true },
    { shouldExitProgram: false },
  )) as LintResult;
  return { errors: result.errors, warnings: result.warnings, notices: result.notices };
}

export function formatLintMessage(message: LintMessage): string {
  return `${message.code}${message.file ? ` (${message.file})` : ''}: ${message.message}`;
}
