/** The slice of web-ext's programmatic API this folder uses (web-ext ships no types). */
declare module 'web-ext' {
  type LintOptions = { sourceDir: string; output?: 'text' | 'json' | 'none'; selfHosted?: boolean; boring?: boolean; warningsAsErrors?: boolean };
  const webExt: {
    cmd: { lint(options: LintOptions, runOptions?: { shouldExitProgram?: boolean }): Promise<unknown> };
  };
  export default webExt;
}
