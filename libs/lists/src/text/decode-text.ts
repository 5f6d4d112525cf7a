/**
 * Decodes list bytes to text. UTF-8 when the bytes are valid UTF-8 (a BOM is dropped); otherwise
 * Windows-1252, the encoding OFAC's legacy CSV files and many spreadsheet exports use. Windows-1252
 * is a superset of the printable Latin-1 range, so Latin-1 input decodes the same way.
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const WINDOWS_1252 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: WINDOWS_1252.decode(bytes), encoding: 'windows-1252' };
  }
}
