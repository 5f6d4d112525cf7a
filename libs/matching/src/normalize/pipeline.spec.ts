import { normalizeName } from './pipeline';
import { personSymbolSpellings } from './roles.step';
import { NameKind } from './token';

const texts = (name: string, kind: NameKind = 'PERSON') =>
  normalizeName(name, kind).tokens.map((t) => t.text);
const roles = (name: string, kind: NameKind = 'PERSON') =>
  normalizeName(name, kind).tokens.map((t) => `${t.text}:${t.role}`);

describe('normalizeName', () => {
  it.each([
    ['Mr. Recep Tayyip Erdoğan', ['recep', 'tayyip', 'erdogan']],
    ['President Erdoğan', ['erdogan']],
    ['PUTIN, Vladimir', ['putin', 'vladimir']],
    ['Владимир Путин', ['vladimir', 'putin']],
    ['Ig0r Sech1n', ['igor', 'sechin']],
    ['习近平', ['xi', 'jinping']],
    ["'Abd al-Aziz al-Nuristani", ['abdal', 'aziz', 'al', 'nuristani']],
    ['Dr', ['dr']],
  ])('person %s → %j', (name, expected) => {
    expect(texts(name)).toEqual(expected);
  });

  it.each([
    ['Usama bin Laden', ['usama:name', 'bin:particle', 'laden:name']],
    ['Shaikh Isa Bin Tarif', ['shaikh:title', 'isa:name', 'bin:particle', 'tarif:name']],
    ['V. Putin', ['v:initial', 'putin:name']],
    ['Nicolás Maduro SA', ['nicolas:name', 'maduro:name', 'sa:legal']],
  ])('person roles %s → %j', (name, expected) => {
    expect(roles(name)).toEqual(expected);
  });

  it.each([
    ['Siemens Aktiengesellschaft', ['siemens:name', 'ag:legal']],
    ['Open Joint Stock Company Gazprom', ['jsc:legal', 'gazprom:name']],
    ['Volkswagen Gesellschaft mit beschränkter Haftung', ['volkswagen:name', 'gmbh:legal']],
    ['The World Bank', ['world:name', 'bank:name']],
    ['Brigade Forty-Four', ['brigade:name', '44:number']],
    ['FABERLIC EUROPE Sp. z o.o.', ['faberlic:name', 'europe:name', 'llc:legal']],
  ])('entity roles %s → %j', (name, expected) => {
    expect(roles(name, 'ENTITY')).toEqual(expected);
  });

  it('gives nicknames the group of the full given name', () => {
    const [bill] = normalizeName('Bill Gates').tokens;
    const [william] = normalizeName('William Gates').tokens;
    expect(bill.groups?.some((g) => william.groups?.includes(g))).toBe(true);
  });

  it('computes a skeleton key per token', () => {
    expect(normalizeName('Mohammed Hussein').tokens.map((t) => t.key)).toEqual(['MHMT', 'HSN']);
  });
});

describe('personSymbolSpellings', () => {
  it('holds the text of every token the role step gives a symbol group, words joined as it joins them', () => {
    const spellings = personSymbolSpellings();
    for (const name of [
      "'ABD AL-HAQ",
      'IBN AL-SHAYKH',
      'AL HAJJ ALIE',
      'Abu al-Khayr',
      'Jan van der Berg',
      'عبد الله',
    ])
      for (const t of normalizeName(name).tokens)
        if (t.groups?.some((g) => g.startsWith('sym:'))) expect(spellings).toContain(t.text);
    expect([...spellings]).toEqual(expect.arrayContaining(['abdal', 'ibnal', 'alhajj', 'al', 'vander']));
    expect(spellings.has('haq')).toBe(false);
  });
});
