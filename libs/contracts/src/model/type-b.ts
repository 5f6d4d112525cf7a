/**
 * The IATA Type B envelope a message arrived in (airline networks, MQ bridges, PIU drop folders):
 * heading addresses and message identity, kept on the receipt once the envelope is stripped.
 * Addresses are seven-character network addresses (city, department, airline), never personal data.
 */
export interface TypeBEnvelope {
  /**
   * How the envelope markers were written: control characters, spelled out (`<SOH>`, `[STX]`),
   * SITA `=TEXT` keywords, or none (a bare heading whose control characters a bridge dropped).
   */
  markers: 'CONTROL' | 'TEXTUAL' | 'SITA' | 'NONE';
  /** Priority code (`QU`, `QK`, `QD`, …). */
  priority?: string;
  /** Destination addresses, in order. */
  addresses: string[];
  /** Originator address (the origin line after the full stop). */
  origin?: string;
  /** Date/time group of the origin line, `DDHHMM` as sent. */
  dateTime?: string;
  /** Message identity of the origin line (after `/`), or SITA `=MSGID`. */
  messageIdentity?: string;
  /** Double signature (two characters), when sent. */
  doubleSignature?: string;
}
