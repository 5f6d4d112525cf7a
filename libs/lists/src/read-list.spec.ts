import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ListReadError } from './core/list-error';
import { readList, readListFile } from './read-list';
import { listPath } from './testing/fixtures';

const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text) });
const PRIMARY = '1,"DOE, John","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n';
const ALT = '1,10,"aka","ROE, Jon",-0- \n';

describe('readList / readListFile', () => {
  it.each([
    ['no bytes', { name: 'x.csv', bytes: Buffer.alloc(0) }, 'EMPTY_INPUT'],
    ['no files', { files: [] }, 'EMPTY_INPUT'],
    ['an unknown format', file('x.csv', 'a,b\n1,2\n'), 'UNKNOWN_FORMAT'],
    [
      'a set that is not one OFAC set',
      { files: [file('a.json', '[]'), file('b.json', '[]')] },
      'MIXED_FORMATS',
    ],
    ['an OFAC set without its primary file', { files: [file('alt.csv', ALT)] }, 'MISSING_PRIMARY_FILE'],
    ['unsafe XML', file('un.xml', '<!DOCTYPE x [<!ENTITY a "b">]><CONSOLIDATED_LIST/>'), 'XML_UNSAFE'],
    ['truncated XML', file('un.xml', '<CONSOLIDATED_LIST><INDIVIDUALS>'), 'XML_SYNTAX'],
  ])('%s is a typed error', async (_label, input, code) => {
    const err = await readList(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ListReadError);
    expect(err).toMatchObject({ code });
  });

  it('a missing path is a typed error that names only the file', async () => {
    await expect(readListFile('/nonexistent/dir/list.csv')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: 'cannot read list.csv',
    });
  });

  it('files given as a set form one list, and the digest ignores their order', async () => {
    const a = await readList({ files: [file('sdn.csv', PRIMARY), file('alt.csv', ALT)] });
    const b = await readList({ files: [file('alt.csv', ALT), file('sdn.csv', PRIMARY)] });
    expect(a.entries).toEqual(b.entries);
    expect(a.digest).toBe(b.digest);
    expect(a.entries[0]).toMatchObject({
      names: [{ full: 'DOE, John' }, { full: 'ROE, Jon', type: 'alias' }],
    });
  });

  it('a directory is read as one list, ignoring files that are not lists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lists-'));
    try {
      await writeFile(join(dir, 'sdn.csv'), PRIMARY);
      await writeFile(join(dir, 'sdn_comments.csv'), '\u001a');
      await writeFile(join(dir, 'README.md'), '# not a list');
      const read = await readListFile(dir);
      expect(read).toMatchObject({ format: 'OFAC_SDN_CSV', stats: { entries: 1 } });
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('the list id comes from the options first', async () => {
    const read = await readListFile(listPath('ofac_tiny'), { listId: 'US-SDN' });
    expect(read.listId).toBe('US-SDN');
    expect(read.entries.every((e) => e.listId === 'US-SDN')).toBe(true);
  });

  it('the digest is the sha256 of the bytes', async () => {
    const read = await readList(file('sdn.csv', PRIMARY));
    expect(read.digest).toBe(createHash('sha256').update(PRIMARY).digest('hex'));
  });
});
