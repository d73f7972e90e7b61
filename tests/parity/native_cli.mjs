// native_cli.mjs — runs the native `vitrine` CLI for the parity tests.
//
//   const cli = nativeCli(workDir);
//   cli('build', '--catalogue', 'c.json', '--out', 'x.vtx');        // stdout, or throws with stderr
//
// The CLI is $VITRINE_CLI, else $VITRINE_NATIVE_BUILD/bin/vitrine (default build/, from the
// repository root). It must already be built: scripts/test-wasm.sh says how.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const cliPath = resolve(root, process.env.VITRINE_CLI ?? join(process.env.VITRINE_NATIVE_BUILD ?? 'build', 'bin/vitrine'));

export function nativeCli(cwd) {
  if (!existsSync(cliPath)) throw new Error(`the native CLI ${cliPath} is missing: build it (scripts/build-native.sh)`);
  return (...args) => execFileSync(cliPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
}

// `vitrine search ... --query-vectors` prints one JSON line per query.
export function parseJsonLines(stdout) {
  return stdout.trimEnd().split('\n').map((line) => JSON.parse(line).results);
}
