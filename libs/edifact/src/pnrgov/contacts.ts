import type { Contact } from '@paxscreen/contracts';

/**
 * PNR contact elements (AIRIMP SSR CTCx / OSI CTC texts carried in IFT): CTCE is an e-mail address
 * in the PNR encoding (`//` for @, `..` for _, `./` for -, since reservation systems cannot carry
 * those characters); every other CTC code (R residence, M mobile, B business, H home, A agency,
 * T travel agent, P phone) is a telephone number. Text after the code may be glued or spaced.
 */
const CTC = 'CTC';
const CODE_LENGTH = 4;

export function decodePnrEmail(encoded: string): string {
  let out = '';
  for (let i = 0; i < encoded.length; i++) {
    const pair = encoded.slice(i, i + 2);
    if (pair === '//') {
      out += '@';
      i++;
    } else if (pair === '..') {
      out += '_';
      i++;
    } else if (pair === './') {
      out += '-';
      i++;
    } else out += encoded[i];
  }
  return out;
}

export function contactFromText(text: string): Contact | undefined {
  const v = text.trim().toUpperCase();
  if (!v.startsWith(CTC) || v.length <= CODE_LENGTH) return undefined;
  const code = v[3];
  const value = v.slice(CODE_LENGTH).trim();
  if (!value) return undefined;
  if (code === 'E') return { kind: 'email', value: decodePnrEmail(value.replace(/\s+/g, '')) };
  return { kind: 'phone', value: value.replace(/\s+/g, ' ') };
}

/** PADIS ADD C031: purpose, street, city, state, state name, country, postal code, telephone. */
export function contactsFromAdd(components: string[]): Contact[] {
  const [, street = '', city = '', state = '', , country = '', postal = '', phone = ''] = components;
  const out: Contact[] = [];
  const address = [street, city, state, postal, country]
    .map((p) => p.trim())
    .filter(Boolean)
    .join(', ');
  if (address) out.push({ kind: 'address', value: address });
  if (phone.trim()) out.push({ kind: 'phone', value: phone.trim() });
  return out;
}
