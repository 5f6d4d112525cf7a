import { type Command, Option } from 'commander';

import type { ReadResult } from '@paxscreen/edifact';

import { CliError, EXIT } from '../cli-error';
import { describeFinding, hasErrors, readManifestFile, readOptions, type ReadCliOptions } from './read-input';

/** Findings listed per message in the table; `--json` gives them all. */
const DEFAULT_SHOWN_FINDINGS = 20;

interface ValidateOptions extends ReadCliOptions {
  json?: boolean;
  findings: string;
  all?: boolean;
}

interface FileOutcome {
  file: string;
  result?: ReadResult;
  error?: { code: string; message: string };
}

/**
 * `paxscreen validate <file...>`: what a carrier runs before submitting. Prints the data-quality
 * report per message (a table, or `--json`). Exit 2 when a file cannot be read, else 1 when a
 * message has errors, else 0.
 */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check EDIFACT or JSON manifests and print their data-quality reports')
    .argument('<files...>', 'EDIFACT interchanges or JSON manifests')
    .option('--json', 'print the reports as JSON')
    .option('--findings <n>', 'findings listed per message in the table', String(DEFAULT_SHOWN_FINDINGS))
    .option('--all', 'list info findings too (default: errors and warnings)')
    .option('--now <iso>', 'reference date for "expired" and century rules (default: now)')
    .addOption(new Option('--direction <direction>', 'flight direction').choices(['INBOUND', 'OUTBOUND']))
    .action(async (files: string[], options: ValidateOptions) => {
      const read = readOptions(options);
      const outcomes: FileOutcome[] = [];
      for (const file of files) {
        try {
          outcomes.push({ file, result: await readManifestFile(file, read) });
        } catch (err) {
          if (!(err instanceof CliError)) throw err;
          outcomes.push({ file, error: { code: err.code, message: err.message } });
        }
      }
      process.stdout.write(
        options.json ? `${JSON.stringify(outcomes.map(jsonOutcome), null, 2)}\n` : table(outcomes, options),
      );
      if (outcomes.some((o) => o.error)) process.exitCode = EXIT.UNREADABLE;
      else if (outcomes.some((o) => o.result && hasErrors(o.result))) process.exitCode = EXIT.FINDINGS;
    });
}

function jsonOutcome(o: FileOutcome) {
  if (o.error) return { file: o.file, ok: false, error: o.error };
  const r = o.result!;
  return {
    file: o.file,
    ok: !hasErrors(r),
    interchange: r.interchange,
    findings: r.findings,
    messages: r.messages.map((m) => ({
      manifestId: m.manifest.manifestId,
      multipart: m.multipart,
      ...m.report,
    })),
  };
}

function table(outcomes: FileOutcome[], options: ValidateOptions): string {
  const shown = Math.max(0, Number(options.findings) || 0);
  const rows: string[][] = [['FILE', 'MESSAGE', 'MANIFEST', 'TRAVELLERS', 'ERRORS', 'WARNINGS', 'STATUS']];
  const details: string[] = [];
  for (const o of outcomes) {
    if (o.error) {
      rows.push([o.file, '-', '-', '-', '-', '-', `UNREADABLE ${o.error.code}`]);
      details.push(`${o.file}: ${o.error.code}: ${o.error.message}`);
      continue;
    }
    const r = o.result!;
    const interchangeErrors = r.findings.filter((f) => f.severity === 'error').length;
    for (const m of r.messages) {
      const rep = m.report;
      const status = rep.errors + interchangeErrors > 0 ? 'ERRORS' : rep.warnings > 0 ? 'WARNINGS' : 'OK';
      rows.push([
        o.file,
        `${rep.messageType} ${rep.version}${rep.messageRef ? ` ${rep.messageRef}` : ''}`,
        m.manifest.manifestId,
        String(rep.travellers),
        String(rep.errors),
        String(rep.warnings),
        status,
      ]);
      const listed = [...r.findings, ...rep.findings]
        .filter((f) => options.all || f.severity !== 'info')
        .sort((a, b) => rank(a.severity) - rank(b.severity));
      if (listed.length > 0) details.push(`${o.file} ${rep.messageType} ${rep.messageRef ?? ''}`.trim());
      for (const f of listed.slice(0, shown)) details.push(`  ${describeFinding(f)}`);
      if (listed.length > shown) details.push(`  … ${listed.length - shown} more (--findings N or --json)`);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const body = rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd(),
  );
  return `${[...body, ...(details.length > 0 ? ['', ...details] : [])].join('\n')}\n`;
}

function rank(severity: string): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}
