/**
 * `npm run bench [-- <suite>[,<suite>…] [args]] [--smoke]`: runs benchmark suites, writes
 * bench/results/<suite>.json and bench/results/README.md (the table the README quotes).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { BenchSuite, machine, markdownTable, RESULTS_DIR, SuiteResult, writeResult } from './lib/suite';
import { stopStack } from './lib/stack';
import { SUITES } from './suites';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const smoke = argv.includes('--smoke');
  const rest = argv.filter((a) => a !== '--smoke');
  const wanted = rest[0] && !rest[0].startsWith('-') ? rest[0] : undefined;
  const args = wanted ? rest.slice(1) : rest;
  // One suite, or several separated by commas (`raw,e2e,poe`), in the order given.
  const names = wanted?.split(',') ?? [];
  const suites: BenchSuite[] = wanted
    ? names.map((n) => SUITES.find((s) => s.name === n)).filter((s): s is BenchSuite => s !== undefined)
    : SUITES;
  if (wanted && suites.length !== names.length) {
    console.error(`unknown suite "${wanted}"; suites: ${SUITES.map((s) => s.name).join(', ')}`);
    process.exit(64);
  }
  try {
    await runSuites(suites, smoke, args);
  } finally {
    // The private broker, redis-server and app processes the suites started.
    await stopStack();
  }
  if (!smoke) writeSummary();
}

async function runSuites(suites: BenchSuite[], smoke: boolean, args: string[]): Promise<void> {
  for (const suite of suites) {
    const started = Date.now();
    console.error(`bench: ${suite.name}${smoke ? ' (smoke)' : ''}: ${suite.description}`);
    const rows = await suite.run({ smoke, args, log: (m) => console.error(`  ${m}`) });
    const result: SuiteResult = {
      suite: suite.name,
      description: suite.description,
      smoke,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      machine: machine(),
      rows,
    };
    const file = writeResult(result);
    console.log(`\n### ${suite.name}\n\n${markdownTable(result)}\n`);
    console.error(`bench: wrote ${file}`);
  }
}

/** bench/results/README.md: every suite's latest table, for the README to quote. */
function writeSummary(): void {
  const results = readdirSync(RESULTS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as SuiteResult);
  const charts = readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.svg'));
  const parts = results.map((r) => {
    // Plots a suite wrote (bench/lib/plot.ts): named after the suite.
    const mine = charts.filter((f) => f === `${r.suite}.svg` || f.startsWith(`${r.suite}-`));
    const images = mine.map((f) => `![${f}](${f})`).join('\n');
    return (
      `## ${r.suite}\n\n${r.description}\n\nRun ${r.startedAt} on ${r.machine.cpus} × ${r.machine.cpuModel}, ` +
      `${r.machine.memoryGiB} GiB, Node ${r.machine.node}.\n\n${markdownTable(r)}\n${images ? `\n${images}\n` : ''}`
    );
  });
  writeFileSync(
    join(RESULTS_DIR, 'README.md'),
    `# Benchmark results\n\nWritten by \`npm run bench\`.\n\n${parts.join('\n')}`,
  );
}

main().then(
  // Clients of the private services may keep timers: the run is over.
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
