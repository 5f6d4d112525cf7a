import { romanizeWord } from './romanize.step';

const ctx = (wordCount = 1, hasNameDots = false) => ({ wordCount, hasNameDots });

describe('romanizeWord', () => {
  it.each([
    ['putin', 'putin', false],
    ['путин', 'putin', false],
    ['習近平', 'xi jinping', false],
    ['习近平', 'xi jinping', false],
    ['김정은', 'kim jongun', true],
    ['ミドル', 'midl', true],
    ['שלום', 'shlom', true],
    ['κυριάκος', 'kyriakos', false],
    ['محمد', 'mhmd', true],
    ['मोदी', 'modi', true],
    ['erdoğan', 'erdogan', false],
    ['müller', 'muller', false],
    ['øster', 'oster', false],
    ['straße', 'strasse', false],
  ])('%s → %s (vowel-poor %s)', (word, text, vowelPoor) => {
    const r = romanizeWord(word, ctx());
    expect(r.text.replace(/\s+/g, ' ')).toBe(text);
    expect(r.vowelPoor).toBe(vowelPoor);
  });

  it('joins every syllable of a dotted foreign name written in Chinese', () => {
    expect(romanizeWord('奥巴马', ctx(1, true)).text).toBe('aobama');
  });

  it('keeps a multi-character word of a several-word Chinese name together', () => {
    expect(romanizeWord('丹丹', ctx(3)).text).toBe('dandan');
  });

  it('spells a standalone Korean surname the customary way', () => {
    expect(romanizeWord('김', ctx(2)).text).toBe('kim');
  });
});
