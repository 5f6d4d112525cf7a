import { skeletonKey } from './skeleton.step';

describe('skeletonKey', () => {
  it.each([
    [['mohammed', 'muhammad', 'mohamad', 'mhmd'], 'MHMT'],
    [['wladimir', 'vladimir'], 'FLTMR'],
    [['husayn', 'hussein', 'hsin'], 'HSN'],
    [['laden', 'ladin'], 'LTN'],
    [['qaddafi', 'gaddafi', 'kaddafi'], 'KTF'],
    [['osama', 'usama'], 'ASM'],
    [['alexander', 'aleksandr'], 'ALKSNTR'],
    [['shamsuddin', 'samsudin'], 'SMSTN'],
  ])('%j → %s', (spellings, key) => {
    for (const s of spellings) expect(skeletonKey(s)).toBe(key);
  });

  it.each([
    ['daniel', 'donald'],
    ['frank', 'frederik'],
    ['ahmad', 'anwar'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(skeletonKey(a)).not.toBe(skeletonKey(b));
  });
});
