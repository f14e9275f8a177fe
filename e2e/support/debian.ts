/**
 * Debian packages the tests need (the browsers), installed with apt-get where they are missing and
 * the tests run as root: Playwright cannot download browsers on these machines.
 */
import { execFileSync } from 'node:child_process';

export function canInstallWithApt(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `apt-get update`, then `apt-get install` of `name`, saying so on screen first. */
export function installDebianPackage(name: string, missing: string): void {
  console.log(`streamscope: no ${missing} found; installing Debian's "${name}" package (apt-get update, then apt-get install ${name})…`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', name], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
