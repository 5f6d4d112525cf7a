import { isAscii, isUtf8 } from 'node:buffer';

import type { Finding } from '@paxscreen/contracts';

import { finding } from '../quality/finding';

/**
 * Bytes → text by the UNB syntax identifier (ISO 9735 0001). UNOA/UNOB are ASCII subsets, UNOW/UNOY
 * are UTF-8, UNOC–UNOK name ISO 8859 parts. Carriers get this wrong both ways, so:
 * - declared UTF-8 (or ASCII, or the PADIS `IATA` identifier) but not valid UTF-8 → Latin-1, with a
 *   finding (legacy 8-bit systems: nothing is lost, every byte maps to one character);
 * - declared ISO 8859 but the bytes are valid UTF-8 with multi-byte sequences → UTF-8, with a finding
 *   (real 8859 text is almost never valid UTF-8).
 */
const ISO_8859: Readonly<Record<string, string>> = {
  UNOC: 'iso-8859-1',
  UNOD: 'iso-8859-2',
  UNOE: 'iso-8859-5',
  UNOF: 'iso-8859-7',
  UNOG: 'iso-8859-3',
  UNOH: 'iso-8859-4',
  UNOI: 'iso-8859-6',
  UNOJ: 'iso-8859-8',
  UNOK: 'iso-8859-9',
  UNOL: 'iso-8859-15',
};

const HEAD_BYTES = 512;
const LATIN_1 = 'iso-8859-1';
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const SYNTAX_ID = /UNB.([A-Z]{4})/;

export interface Decoded {
  text: string;
  /** What the text was decoded as: `ascii`, `utf-8` or an ISO 8859 label. */
  charset: string;
  /** The UNB syntax identifier, when one was found. */
  syntaxId?: string;
  /** The bytes, when each is one character of `text` (ASCII, Latin-1): the tokenizer reads these. */
  codes?: Uint8Array;
  findings: Finding[];
}

export function decodeBytes(input: Buffer): Decoded {
  const bytes =
    input[0] === UTF8_BOM[0] && input[1] === UTF8_BOM[1] && input[2] === UTF8_BOM[2]
      ? input.subarray(3)
      : input;
  const syntaxId = SYNTAX_ID.exec(bytes.subarray(0, HEAD_BYTES).toString('latin1'))?.[1];
  if (isAscii(bytes))
    return { text: bytes.toString('latin1'), charset: 'ascii', syntaxId, findings: [], codes: bytes };

  const iso = syntaxId ? ISO_8859[syntaxId] : undefined;
  const utf8 = isUtf8(bytes);
  if (iso) {
    if (utf8) {
      return {
        text: bytes.toString('utf8'),
        charset: 'utf-8',
        syntaxId,
        findings: [
          finding('CHARSET_MISMATCH', `declared ${syntaxId} but the bytes are UTF-8; read as UTF-8`, {
            field: 'UNB',
          }),
        ],
      };
    }
    const text = decodeIso(bytes, iso);
    // Latin-1 is one character per byte: the tokenizer may read the bytes (see tokenizeEach).
    return iso === LATIN_1
      ? { text, charset: iso, syntaxId, findings: [], codes: bytes }
      : { text, charset: iso, syntaxId, findings: [] };
  }
  if (utf8) return { text: bytes.toString('utf8'), charset: 'utf-8', syntaxId, findings: [] };
  return {
    text: bytes.toString('latin1'),
    charset: LATIN_1,
    codes: bytes,
    syntaxId,
    findings: [
      finding(
        'CHARSET_FALLBACK',
        `declared ${syntaxId ?? 'no syntax identifier'} but the bytes are not UTF-8; read as Latin-1`,
        {
          field: 'UNB',
        },
      ),
    ],
  };
}

function decodeIso(bytes: Buffer, label: string): string {
  // WHATWG maps the label iso-8859-1 to windows-1252; Node's latin1 is the real ISO 8859-1.
  if (label === LATIN_1) return bytes.toString('latin1');
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}
