import { ListReadError } from '../core/list-error';
import { parseXmlSafely } from './safe-xml';

const LAUGHS = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [<!ENTITY lol "lol">',
  ...Array.from(
    { length: 8 },
    (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i === 0 ? '' : i + 1};`.repeat(10)}">`,
  ),
  ']><lolz>&lol9;</lolz>',
].join('');
const XXE = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>';
const PARAMETER_XXE =
  '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY % ext SYSTEM "http://127.0.0.1/x.dtd"> %ext;]><foo/>';
const arrays = new Set(['b']);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof ListReadError ? err.code : 'UNTYPED';
  }
}

describe('parseXmlSafely', () => {
  it.each([
    ['billion laughs', LAUGHS, 'XML_UNSAFE'],
    ['external entity (XXE)', XXE, 'XML_UNSAFE'],
    ['external parameter entity', PARAMETER_XXE, 'XML_UNSAFE'],
    ['lower-case doctype', '<!doctype a><a/>', 'XML_UNSAFE'],
    ['not well-formed', '<a><b></a>', 'XML_SYNTAX'],
    ['truncated', '<a><b>x</b>', 'XML_SYNTAX'],
  ])('%s gives a typed error', (_label, xml, code) => {
    expect(codeOf(() => parseXmlSafely(xml, { arrays }))).toBe(code);
  });

  it('decodes the XML entities and character references, keeps values as strings', () => {
    expect(parseXmlSafely('<a><b>x &amp; &#233; &#xE9;</b><c>007</c></a>', { arrays })).toEqual({
      a: { b: ['x & é é'], c: '007' },
    });
  });
});
