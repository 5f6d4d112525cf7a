/** Builds SSIM chapter 7 records for specs and generated days (1-based columns, as the manual). */
export interface SsimLeg {
  carrier: string;
  number: string;
  from: string;
  to: string;
  days: string;
  origin: string;
  std: string;
  depVariation: string;
  destination: string;
  sta: string;
  arrVariation: string;
  arrivalDateVariation?: string;
}

function put(line: string[], first: number, value: string): void {
  for (let i = 0; i < value.length; i++) line[first - 1 + i] = value[i];
}

export function ssimLegRecord(leg: SsimLeg, serial = 1): string {
  const line = Array<string>(200).fill(' ');
  put(line, 1, '3');
  put(line, 3, leg.carrier.padEnd(3));
  put(line, 6, leg.number.padStart(4));
  put(line, 10, '01');
  put(line, 12, '01');
  put(line, 14, 'J');
  put(line, 15, leg.from);
  put(line, 22, leg.to);
  put(line, 29, leg.days.padEnd(7));
  put(line, 37, leg.origin);
  put(line, 40, leg.std);
  put(line, 44, leg.std);
  put(line, 48, leg.depVariation);
  put(line, 55, leg.destination);
  put(line, 58, leg.sta);
  put(line, 62, leg.sta);
  put(line, 66, leg.arrVariation);
  put(line, 73, '320');
  if (leg.arrivalDateVariation) put(line, 194, `0${leg.arrivalDateVariation}`.slice(-1));
  put(line, 195, String(serial).padStart(6, '0'));
  return line.join('');
}

/** A whole file: header, carrier record (time mode `L` local or `U` UTC), legs, trailer. */
export function ssimFile(legs: SsimLeg[], timeMode: 'L' | 'U' = 'L'): string {
  const header = '1AIRLINE STANDARD SCHEDULE DATA SET'.padEnd(200);
  const carrier = `2${timeMode}${(legs[0]?.carrier ?? 'ZZ').padEnd(3)}`.padEnd(200);
  const trailer = '5'.padEnd(200);
  return [header, carrier, ...legs.map((l, i) => ssimLegRecord(l, i + 3)), trailer].join('\n') + '\n';
}
