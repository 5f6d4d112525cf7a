import { join } from 'node:path';

import { Command } from 'commander';

import { CliError, EXIT } from '../cli-error';
import { registerParseCommand } from './parse.command';
import { registerValidateCommand } from './validate.command';

const FIXTURES = join(__dirname, '../../../../test/fixtures/edifact');
const NOW = ['--now', '2025-06-01'];

async function run(...args: string[]): Promise<{ out: string; err: string; exitCode: number | undefined }> {
  const program = new Command('paxscreen').exitOverride();
  registerParseCommand(program);
  registerValidateCommand(program);
  let out = '';
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  const before = process.exitCode;
  try {
    await program.parseAsync(['node', 'paxscreen', ...args]);
    return { out, err, exitCode: process.exitCode === before ? undefined : Number(process.exitCode) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = before;
  }
}

describe('paxscreen parse', () => {
  it.each([
    [
      'gtas/pnrMessageExample.txt',
      5,
      { surname: 'LOBB', pnr: { locator: '7C789A' }, flight: { carrier: 'UA', number: '0988' } },
    ],
    [
      'gtas/flight1.txt',
      10,
      {
        surname: 'JIANG',
        dateOfBirth: '1967-06-03',
        documents: [
          { number: '433419360', issuer: 'CHN' },
          { number: '57131424', issuer: 'USA' },
        ],
      },
    ],
    ['ok/manifest.json', 2, { surname: 'ERIKSSON', nationality: 'UTO', gender: 'F' }],
  ])('%s prints %i travellers as JSON Lines', async (file, count, first) => {
    const { out, err, exitCode } = await run('parse', join(FIXTURES, file), ...NOW);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(count);
    expect(lines[0]).toMatchObject(first);
    for (const t of lines) {
      for (const key of ['surname', 'givenNames', 'gender', 'documents', 'flight'])
        expect(t).toHaveProperty(key);
    }
    expect(err).toMatch(/traveller\(s\), \d+ error\(s\), \d+ warning\(s\)/);
    expect(exitCode).toBeUndefined();
  });

  it('--report-json prints the report as JSON on stderr', async () => {
    const { err } = await run('parse', join(FIXTURES, 'gtas/Test3.txt'), '--report-json', ...NOW);
    const report = JSON.parse(err);
    expect(report.interchange.charset).toBe('iso-8859-1');
    expect(report.messages[0]).toMatchObject({
      messageType: 'PAXLST',
      travellers: 260,
      multipart: { sequence: 1 },
    });
  });

  it('reads a PAXLST inside a Type B envelope and reports the envelope heading', async () => {
    const { out, err } = await run(
      'parse',
      join(FIXTURES, 'wild/paxlst-typeb-control.edi'),
      '--report-json',
      ...NOW,
    );
    expect(out.trim().split('\n')).toHaveLength(2);
    const report = JSON.parse(err);
    expect(report.typeB).toMatchObject({ priority: 'QU', origin: 'LHRKMZZ', messageIdentity: 'A1B2C3' });
    expect(report.findings.map((f: { code: string }) => f.code)).toContain('TYPE_B_ENVELOPE');
  });

  it.each([
    ['not-ok/unsupported-cusres.edi', 'UNSUPPORTED_MESSAGE'],
    ['not-ok/not-edifact.xml', 'NOT_EDIFACT'],
    ['missing.edi', 'UNREADABLE_FILE'],
  ])('%s fails with %s (exit 2)', async (file, code) => {
    const err = await run('parse', join(FIXTURES, file)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err).toMatchObject({ code, exitCode: EXIT.UNREADABLE });
  });
});

describe('paxscreen validate', () => {
  it('prints a table and exits 0 when no message has errors', async () => {
    const { out, exitCode } = await run('validate', join(FIXTURES, 'ok/paxlst-odd-delimiters.edi'), ...NOW);
    expect(out).toMatch(/^FILE +MESSAGE +MANIFEST +TRAVELLERS +ERRORS +WARNINGS +STATUS$/m);
    expect(out).toMatch(/PAXLST D:05B ODD1 +ZZ0402:2025-03-01:-:PASSENGERS +1 +0 +0 +OK$/m);
    expect(exitCode).toBeUndefined();
  });

  it('exits 1 when a message has errors and lists them first', async () => {
    const { out, exitCode } = await run('validate', join(FIXTURES, 'gtas/Test3.txt'), ...NOW);
    expect(out).toMatch(/ERRORS$/m);
    expect(out).toMatch(/^ {2}error +COUNT_MISMATCH \(CNT, segment \d+\): CNT 41 declares 206 crew members/m);
    expect(exitCode).toBe(EXIT.FINDINGS);
  });

  it('exits 2 when a file cannot be read, and still reports the others (--json)', async () => {
    const { out, exitCode } = await run(
      'validate',
      join(FIXTURES, 'ok/manifest.json'),
      join(FIXTURES, 'not-ok/empty.edi'),
      '--json',
      ...NOW,
    );
    const reports = JSON.parse(out);
    expect(reports[0]).toMatchObject({ ok: true, messages: [{ messageType: 'JSON', travellers: 2 }] });
    expect(reports[1]).toMatchObject({ ok: false, error: { code: 'NOT_EDIFACT' } });
    expect(exitCode).toBe(EXIT.UNREADABLE);
  });
});
