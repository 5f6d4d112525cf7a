import { testPassenger, testPaxlst } from '@paxscreen/testing';

/**
 * The casework scenario shared by casework.e2e-spec and workbench.e2e-spec (the API and the browser
 * walk the same loop): flight ZZ 100 LHR → SYD, left five hours ago, lands in three; the listed
 * KARVONEN is this traveller (a true hit), the listed LINDQVIST is a namesake (a false one), JONES
 * matches nobody.
 */
export const TRUE_HIT = testPassenger('KARVONEN', 'ALEKSI JUHANI', '1971-03-14', 'FIN', 'XF1111111');
export const FALSE_HIT = testPassenger('LINDQVIST', 'MATTIAS', '1982-06-30', 'SWE', 'XS2222222');
export const NOBODY = testPassenger('JONES', 'PETER', '1975-05-05', 'GBR', 'XB0000401');

/** The NATIONAL list (generic CSV) that makes the two hits. */
export const CASEWORK_LIST = `id,kind,surname,given_names,dates_of_birth,nationalities,gender,programs
NWL-1,PERSON,KARVONEN,Aleksi Juhani,1971-03-14,FIN,M,
NWL-7,PERSON,LINDQVIST,Mattias,1982-06-30,SWE,M,
`;

/** Local-time stamp (as carriers send them; casework reads them as UTC) `hours` from now. */
export const hoursFromNow = (hours: number): string =>
  new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 16);

/** The scenario's PAXLST (all three travellers), message reference `M<controlRef>`. */
export const caseworkManifest = (controlRef: string): string =>
  testPaxlst('ZZ', controlRef, [TRUE_HIT, FALSE_HIT, NOBODY], {
    recipient: 'USCBP',
    flight: {
      number: '0100',
      departure: { port: 'LHR', at: hoursFromNow(-5) },
      arrival: { port: 'SYD', at: hoursFromNow(3) },
    },
  });
