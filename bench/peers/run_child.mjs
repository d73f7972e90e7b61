// run_child.mjs — runs one engine of a peer bench in a Node child process of its own, so
// one engine's memory (or crash) never touches another's measurements.
//
//   const result = await runChild(['--max-old-space-size=8192', script, '--child', engine], '[search]');
//
// The child prints its result as JSON on its last stdout line; its stderr passes through.
// Resolves with that object plus `wall` (seconds), or with { error, wall } naming the exit
// code or signal and the most telling stderr line (the first mentioning an error or memory,
// else the last one not starting with `logPrefix`).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function runChild(nodeArgs, logPrefix) {
  return new Promise((resolveRun) => {
    const started = performance.now();
    const child = spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderrTail = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk).slice(-2000);
    });
    child.on('close', (code, signal) => {
      const wall = (performance.now() - started) / 1000;
      if (code === 0) {
        try {
          resolveRun({ ...JSON.parse(stdout.trim().split('\n').pop()), wall });
          return;
        } catch { /* reported below */ }
      }
      const lines = stderrTail.trim().split('\n').filter((line) => line.trim() && !line.startsWith(logPrefix));
      const why = signal ? `killed by ${signal}` : `exit ${code}`;
      const telling = lines.find((line) => /error|memory/i.test(line)) ?? lines.pop() ?? '';
      resolveRun({ error: `${why}: ${telling.trim().slice(0, 200)}`, wall });
    });
  });
}
