import { type Command, Option } from 'commander';

import type { ReadResult } from '@paxscreen/edifact';

import { describeFinding, readManifestFile, readOptions, type ReadCliOptions } from './read-input';

interface ParseOptions extends ReadCliOptions {
  reportJson?: boolean;
}

/**
 * `paxscreen parse <file>`: reads a PAXLST, PNRGOV or JSON manifest and prints one traveller per line
 * (JSON Lines, the contracts' Traveller) on stdout and the data-quality report on stderr. Exit 0 when
 * the input was read (findings or not), 2 with one typed line when it cannot be read.
 */
export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description(
      'read a PAXLST, PNRGOV or JSON manifest: travellers as JSON Lines on stdout, data-quality report on stderr',
    )
    .argument('<file>', 'EDIFACT interchange or JSON manifest')
    .option('--now <iso>', 'reference date for "expired" and century rules (default: now)')
    .addOption(
      new Option('--direction <direction>', 'flight direction, when the transport knows it').choices([
        'INBOUND',
        'OUTBOUND',
      ]),
    )
    .option('--report-json', 'print the data-quality report on stderr as JSON')
    .action(async (file: string, options: ParseOptions) => {
      const result = await readManifestFile(file, readOptions(options));
      const lines: string[] = [];
      for (const m of result.messages) for (const t of m.travellers) lines.push(JSON.stringify(t));
      if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
      process.stderr.write(options.reportJson ? `${JSON.stringify(reportOf(result))}\n` : textReport(result));
    });
}

function reportOf(result: ReadResult) {
  return {
    interchange: result.interchange,
    typeB: result.typeB,
    findings: result.findings,
    messages: result.messages.map((m) => ({
      manifestId: m.manifest.manifestId,
      multipart: m.multipart,
      ...m.report,
    })),
  };
}

function textReport(result: ReadResult): string {
  const lines: string[] = [];
  for (const f of result.findings) lines.push(describeFinding(f));
  for (const m of result.messages) {
    const r = m.report;
    lines.push(
      `${r.messageType} ${r.version}${r.messageRef ? ` ${r.messageRef}` : ''} ${m.manifest.manifestId}: ` +
        `${r.travellers} traveller(s), ${r.errors} error(s), ${r.warnings} warning(s)`,
    );
    for (const f of r.findings) lines.push(`  ${describeFinding(f)}`);
  }
  return `${lines.join('\n')}\n`;
}
