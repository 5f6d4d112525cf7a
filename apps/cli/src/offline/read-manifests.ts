import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { EdifactError, mergeParts, type ParsedMessage, type ReadOptions } from '@paxscreen/edifact';

import { CliError } from '../cli-error';
import { readManifestFile } from '../commands/read-input';
import { isManifestName } from './bundled-sample';

/** One message to screen: complete, or a multi-part set as far as the files given hold it. */
export interface ManifestToScreen {
  /** The file(s) it came from. */
  files: string[];
  message: ParsedMessage;
  /** Why a multi-part set is incomplete (it is screened anyway, as the parser does after its timeout). */
  incomplete?: string;
}

export interface ManifestFailure {
  file: string;
  code: string;
  message: string;
}

/** A directory stands for the manifests in it (notes such as SOURCES.md left out), in name order. */
export async function expandManifestPaths(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    // A path that cannot be read stays in the list: reading it reports it, and the others go on.
    const isDirectory = await stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDirectory) files.push(path);
    else for (const name of (await readdir(path)).filter(isManifestName).sort()) files.push(join(path, name));
  }
  return files;
}

/**
 * Reads every manifest. Parts of a multi-part message (same carrier and UNH reference) are
 * assembled across files, as the parser assembles them across submissions; a set still missing
 * parts is screened with what is there, as the parser does once its wait times out. A file that
 * cannot be read is reported and the others are still screened.
 */
export async function readManifests(
  files: string[],
  options: ReadOptions,
): Promise<{ manifests: ManifestToScreen[]; failures: ManifestFailure[] }> {
  const manifests: ManifestToScreen[] = [];
  const failures: ManifestFailure[] = [];
  const sets = new Map<string, { at: number; parts: { file: string; message: ParsedMessage }[] }>();
  for (const file of files) {
    let messages: ParsedMessage[];
    try {
      messages = (await readManifestFile(file, options)).messages;
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      failures.push({ file, code: err.code, message: err.message });
      continue;
    }
    if (messages.length === 0)
      failures.push({
        file,
        code: 'UNSUPPORTED_MESSAGE',
        message: 'no PAXLST or PNRGOV message in the file',
      });
    for (const message of messages) {
      const m = message.multipart;
      if (!m || (m.sequence === 1 && m.final)) {
        manifests.push({ files: [file], message });
        continue;
      }
      const key = `${message.messageType}|${message.manifest.carrier}|${m.reference}`;
      let set = sets.get(key);
      if (!set) {
        set = { at: manifests.length, parts: [] };
        sets.set(key, set);
        manifests.push({ files: [], message }); // replaced by the assembled set below
      }
      set.parts.push({ file, message });
    }
  }
  for (const { at, parts } of sets.values()) {
    let merged: ParsedMessage;
    try {
      merged = mergeParts(parts.map((p) => p.message));
    } catch (err) {
      if (!(err instanceof EdifactError)) throw err;
      failures.push({ file: parts[0].file, code: err.code, message: err.message });
      continue;
    }
    const incomplete = merged.report.findings.find((f) => f.code === 'INCOMPLETE_MULTIPART');
    manifests[at] = {
      files: [...new Set(parts.map((p) => p.file))],
      message: merged,
      ...(incomplete ? { incomplete: incomplete.message } : {}),
    };
  }
  return { manifests: manifests.filter((m) => m.files.length > 0), failures };
}
