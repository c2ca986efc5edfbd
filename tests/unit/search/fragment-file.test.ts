import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fragmentLoader, fragmentUrl, readFragmentFile } from '../../../src/lib/search/fragment-file.ts';

const frag = {
  url: '/van-ban/ke-hoach-1-kh-tu/',
  content: 'Kế hoạch\u200B số 1 về trí thức.',
  meta: { title: 'Kế hoạch số 1-KH/TU' },
  anchors: [{ element: 'h2', id: 'phan-i', text: 'I- MỤC ĐÍCH', location: 3 }],
  filters: { loai: ['văn bản'] },
  word_count: 6,
};
const file = (body: object | string) => {
  const json = typeof body === 'string' ? body : JSON.stringify(body);
  return new Uint8Array(gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(json)])));
};

describe('readFragmentFile', () => {
  it('reads a gzip fragment file as data() gives it: content without zero-width spaces, URL under the site base', async () => {
    const f = await readFragmentFile(file(frag), '/');
    expect(f.content).toBe('Kế hoạch số 1 về trí thức.');
    expect(f.url).toBe('/van-ban/ke-hoach-1-kh-tu/');
    expect(f.meta.title).toBe('Kế hoạch số 1-KH/TU');
    expect(f.anchors).toEqual(frag.anchors);
    expect(f.filters).toEqual(frag.filters);
    expect((await readFragmentFile(file({ ...frag, url: 'van-ban/x/' }), '/tri-thuc/')).url).toBe('/tri-thuc/van-ban/x/');
  });

  it('reads a file the server already decoded', async () => {
    const plain = new Uint8Array(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(frag))]));
    expect((await readFragmentFile(plain, '/')).content).toBe('Kế hoạch số 1 về trí thức.');
  });

  it('throws on anything that is not a fragment file', async () => {
    await expect(readFragmentFile(new Uint8Array(gzipSync(Buffer.from('{"url":"/"}'))), '/')).rejects.toThrow();
    await expect(readFragmentFile(new Uint8Array([1, 2, 3]), '/')).rejects.toThrow();
    await expect(readFragmentFile(file('{"meta":{}}'), '/')).rejects.toThrow();
    await expect(readFragmentFile(file('not json'), '/')).rejects.toThrow();
  });

  it('leaves absolute URLs alone and collapses doubled slashes', () => {
    expect(fragmentUrl('https://example.org/a/', '/')).toBe('https://example.org/a/');
    expect(fragmentUrl('/a//b/', '/base/')).toBe('/base/a/b/');
  });
});

describe('fragmentLoader', () => {
  it('fetches the file data() would fetch', async () => {
    const urls: string[] = [];
    const load = fragmentLoader('/pagefind/', '/', async (u) => (urls.push(String(u)), new Response(file(frag))));
    expect((await load('vi_abc')).url).toBe('/van-ban/ke-hoach-1-kh-tu/');
    expect(urls).toEqual(['/pagefind/fragment/vi_abc.pf_fragment']);
  });

  it('stops trying after an answer it cannot read, but not after a network failure', async () => {
    let calls = 0;
    let mode: 'offline' | 'missing' = 'offline';
    const load = fragmentLoader('/pagefind/', '/', async () => {
      calls++;
      if (mode === 'offline') throw new TypeError('Failed to fetch');
      return new Response('not found', { status: 404 });
    });
    await expect(load('a')).rejects.toThrow();
    await expect(load('b')).rejects.toThrow();
    expect(calls).toBe(2);
    mode = 'missing';
    await expect(load('c')).rejects.toThrow();
    await expect(load('d')).rejects.toThrow();
    expect(calls).toBe(3);
  });
});
