import { explain } from './explain';
import { FeatureScore } from './model';

const feature = (f: Partial<FeatureScore>): FeatureScore => ({
  name: 'x',
  feature: 'name',
  score: 1,
  weight: 1,
  detail: '',
  ...f,
});

describe('explain', () => {
  it('puts the name evidence first, then each qualifier', () => {
    expect(
      explain([
        feature({ score: 0.934, detail: 'MOHAMMED ~ MUHAMMAD, ALI = ALI' }),
        feature({ feature: 'dateOfBirth', detail: 'born 1970 year matches listed 1970' }),
        feature({ feature: 'nationality', detail: 'nationality IRN agrees' }),
      ]),
    ).toBe(
      'name 0.93 (MOHAMMED ~ MUHAMMAD, ALI = ALI); born 1970 year matches listed 1970; nationality IRN agrees',
    );
  });
});
