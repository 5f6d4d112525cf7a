/**
 * Exit codes of the `paxscreen` command (documented in the README):
 * 0 success; 1 the input was read but has errors (validate) or a check failed;
 * 2 the input cannot be read (missing file, unknown format, syntax beyond repair); 64 usage error.
 */
export const EXIT = { OK: 0, FINDINGS: 1, UNREADABLE: 2, USAGE: 64 } as const;

/** An error the CLI reports as one line: `paxscreen: <CODE>: <message>`. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = EXIT.UNREADABLE,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Plain words for the file-system errors a user can fix. */
const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
};

/** `cannot read <path>: no such file or directory` (paths are the user's own input, never list content). */
export function unreadableFile(path: string, err: unknown): CliError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  return new CliError(
    'UNREADABLE_FILE',
    `cannot read ${path}: ${FS_REASONS[code] ?? (code || 'unknown error')}`,
  );
}
