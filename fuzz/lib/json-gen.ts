import { Rng } from './rng';

/**
 * JSON manifests (docs/json-manifest.md): valid-looking ones with random content, ones with
 * wrong types, missing or extra properties, prototype keys, huge arrays and deep nesting.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const STRINGS = [
  '',
  ' ',
  'X',
  'ZZ',
  'ZZZZZZZZZ',
  '1980-02-03',
  '1980',
  '2025-02-30T25:61',
  'P',
  'GBR',
  'GB',
  'ÄÖÜ',
  '中文',
  '\u0000',
  '\uD800',
  'A'.repeat(200),
  '<script>',
  '${x}',
  '=1+1',
];
const WEIRD: Json[] = [null, true, false, 0, -1, 1.5, 1e308, -0, '', [], {}, [null], { a: 1 }];

function str(rng: Rng): string {
  return rng.chance(0.9) ? rng.pick(STRINGS) : 'Y'.repeat(rng.small(1, 20_000));
}

/** Usually the declared type, sometimes anything else: every validator branch gets exercised. */
function maybe(rng: Rng, value: Json, pWrong = 0.05): Json {
  return rng.chance(pWrong) ? rng.pick(WEIRD) : value;
}

function mrzLine(rng: Rng): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';
  const length = rng.chance(0.7) ? rng.pick([30, 36, 44]) : rng.small(0, 100);
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[rng.below(alphabet.length)];
  return s;
}

function leg(rng: Rng): Json {
  return {
    carrier: maybe(rng, rng.pick(['ZZ', 'AF', 'U2', 'ZZZ', 'Z', ''])),
    number: maybe(rng, String(rng.int(0, 99_999))),
    departure: maybe(rng, { port: maybe(rng, rng.pick(['LHR', 'CDG', ''])), at: maybe(rng, str(rng)) }),
    arrival: maybe(rng, { port: maybe(rng, 'JFK'), at: maybe(rng, '2025-03-01T13:30') }),
    ...(rng.chance(0.1) ? { operatingCarrier: maybe(rng, 'XX'), operatingNumber: maybe(rng, str(rng)) } : {}),
  };
}

function traveller(rng: Rng): Json {
  const t: { [key: string]: Json } = {
    surname: maybe(rng, str(rng)),
    givenNames: maybe(rng, str(rng)),
    dateOfBirth: maybe(rng, rng.pick(['1980-02-03', '1980-02', '1980', str(rng)])),
    gender: maybe(rng, rng.pick(['M', 'F', 'X', 'U', 'male', ''])),
    nationality: maybe(rng, rng.pick(['GBR', 'GB', 'D', 'XXA', str(rng)])),
    documents: maybe(
      rng,
      Array.from({ length: rng.chance(0.02) ? rng.small(0, 12) : rng.small(0, 3) }, () => ({
        type: maybe(rng, rng.pick(['P', 'V', 'I', 'PPPP'])),
        number: maybe(rng, rng.chance(0.8) ? `X${rng.int(0, 9_999_999)}` : str(rng)),
        issuer: maybe(rng, rng.pick(['GBR', 'UTO', 'GB', str(rng)])),
        expiry: maybe(rng, rng.pick(['2030-04-15', str(rng)])),
        ...(rng.chance(0.3)
          ? {
              mrz: maybe(
                rng,
                Array.from({ length: rng.small(0, 4) }, () => mrzLine(rng)),
              ),
            }
          : {}),
      })),
    ),
  };
  if (rng.chance(0.3)) t.role = maybe(rng, rng.pick(['PASSENGER', 'CREW', 'IN_TRANSIT', 'PILOT']));
  if (rng.chance(0.3)) t.seat = maybe(rng, rng.pick(['12A', '0', 'A12', str(rng)]));
  if (rng.chance(0.3)) t.bagCount = maybe(rng, rng.pick([0, 1, -1, 2.5, 1e20]));
  if (rng.chance(0.3)) t.ref = maybe(rng, str(rng));
  if (rng.chance(0.2)) t.pnrLocator = maybe(rng, str(rng));
  return t;
}

/** Arrays or objects nested `depth` deep, built iteratively (the generator itself must not overflow). */
export function nested(depth: number, object: boolean): string {
  return object
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

export function jsonManifest(rng: Rng): Json {
  const manifest: { [key: string]: Json } = {
    format: maybe(rng, 'paxscreen.manifest', 0.03),
    version: maybe(rng, 1, 0.03),
    kind: maybe(rng, rng.pick(['PASSENGERS', 'CREW']), 0.03),
    flight: maybe(rng, leg(rng), 0.03),
    // Validation costs about 1 ms per traveller (class-validator): most manifests are small so a
    // million cases run in minutes; one in a hundred is a full flight.
    travellers: maybe(
      rng,
      Array.from({ length: rng.chance(0.01) ? rng.int(50, 600) : rng.small(0, 12) }, () => traveller(rng)),
      0.03,
    ),
  };
  if (rng.chance(0.5)) manifest.messageId = maybe(rng, str(rng));
  if (rng.chance(0.3)) manifest.direction = maybe(rng, rng.pick(['INBOUND', 'OUTBOUND', 'SIDEWAYS']));
  if (rng.chance(0.2))
    manifest.legs = maybe(
      rng,
      Array.from({ length: rng.small(0, 25) }, () => leg(rng)),
    );
  if (rng.chance(0.2))
    manifest.part = maybe(rng, {
      reference: maybe(rng, 'R1'),
      sequence: maybe(rng, rng.int(-1, 5)),
      final: maybe(rng, rng.chance(0.5)),
    });
  if (rng.chance(0.2))
    manifest.reportingParty = maybe(rng, { name: maybe(rng, str(rng)), phone: maybe(rng, str(rng)) });
  for (const key of Object.keys(manifest)) if (rng.chance(0.02)) delete manifest[key];
  return manifest;
}

/** A JSON manifest as text, possibly with prototype keys, deep nesting, or a huge traveller list. */
export function jsonManifestText(rng: Rng): string {
  let text = JSON.stringify(jsonManifest(rng));
  const twist = rng.below(12);
  if (twist === 0)
    text = text.replace(
      '{',
      `{"__proto__":{"travellers":[],"polluted":true},"constructor":{"prototype":{"x":1}},`,
    );
  else if (twist === 1)
    text = text.replace(
      /"travellers":\[/,
      `"travellers":[${nested(rng.small(10, 50_000), rng.chance(0.5))},`,
    );
  else if (twist === 2)
    text = text.replace(/"flight":/, `"flight":${nested(rng.small(10, 50_000), true)},"x":`);
  else if (twist === 3 && rng.chance(0.1)) {
    // Long traveller lists (validation costs ~0.3 ms a traveller, so they stay rare), once in a
    // while right around the 10,000-traveller limit.
    const n = rng.chance(0.02) ? rng.int(9_990, 10_010) : rng.int(100, 1_000);
    text = text.replace(/"travellers":\[/, `"travellers":[${'{"surname":"A","documents":[]},'.repeat(n)}`);
  } else if (twist === 4) text = `${rng.pick(['\uFEFF', ' \n\t', '\r\n'])}${text}`;
  return text;
}
