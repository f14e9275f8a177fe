/** The slice of web-ext's programmatic API this project uses (web-ext ships no types). */
declare module 'web-ext' {
  type LintOptions = { sourceDir: string; output?: 'text' | 'json' | 'none'; selfHosted?: boolean; boring?: boolean; warningsAsErrors?: boolean };
  type BuildOptions = { sourceDir: string; artifactsDir: string; filename?: string; overwriteDest?: boolean; ignoreFiles?: string[] };
  type BuildRunOptions = { showReadyMessage?: boolean };
  const webExt: {
    cmd: {
      lint(options: LintOptions, runOptions?: { shouldExitProgram?: boolean }): Promise<unknown>;
      build(options: BuildOptions, runOptions?: BuildRunOptions): Promise<{ extensionPath: string }>;
    };
  };
  export default webExt;
}
