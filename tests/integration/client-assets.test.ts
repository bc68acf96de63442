import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { expectError } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { tempDir } from '../helpers/temp-dir.ts';

// A built client as the Vite build writes it: hashed assets with .br and .gz beside them.
const client = tempDir('twofold-client-');
const script = `export const words = ${JSON.stringify('a letter '.repeat(400))};\n`;
const page = `<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>${' '.repeat(2000)}`;
function writeWithCompressed(path: string, text: string) {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(text));
  writeFileSync(`${path}.gz`, gzipSync(text));
}
mkdirSync(join(client.path, 'assets'));
writeWithCompressed(join(client.path, 'assets/index-abc123.js'), script);
writeWithCompressed(join(client.path, 'index.html'), page);
writeFileSync(join(client.path, 'assets/logo-def456.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

const t = createTestApp({ clientDir: client.path });
afterAll(() => {
  t.close();
  client.remove();
});

async function get(path: string, acceptEncoding?: string) {
  const response = await t.app.request(`http://localhost${path}`, {
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const header = (response: Response, name: string) => response.headers.get(name) ?? '';

describe('the built client', () => {
  it('answers a missing /assets file 404 with the error shape, never index.html, and no long cache', async () => {
    const { response, bytes } = await get('/assets/index-gone999.js', 'gzip, deflate, br');
    expect(response.status).toBe(404);
    expect(header(response, 'content-type')).toContain('application/json');
    expect(bytes.toString()).not.toContain('<html');
    expect(header(response, 'cache-control')).not.toContain('immutable');
    expect(header(response, 'cache-control')).not.toContain('max-age=31536000');
    expectError(
      { status: response.status, headers: response.headers, body: JSON.parse(bytes.toString()), text: '' },
      404,
      'not_found',
    );
  });

  it('sends brotli when the browser accepts it, with the script type, Vary and a year of caching', async () => {
    const { response, bytes } = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(header(response, 'content-encoding')).toBe('br');
    expect(header(response, 'content-type')).toMatch(/^text\/javascript/);
    expect(header(response, 'vary').toLowerCase()).toContain('accept-encoding');
    expect(header(response, 'cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(bytes).toString()).toBe(script);
    expect(bytes.byteLength).toBeLessThan(script.length);
  });

  it('sends gzip to a browser that accepts gzip but not brotli', async () => {
    const { response, bytes } = await get('/assets/index-abc123.js', 'gzip, deflate');
    expect(header(response, 'content-encoding')).toBe('gzip');
    expect(header(response, 'content-type')).toMatch(/^text\/javascript/);
    expect(header(response, 'vary').toLowerCase()).toContain('accept-encoding');
    expect(gunzipSync(bytes).toString()).toBe(script);
  });

  it('sends the file as it is when no compression is accepted, still saying Vary', async () => {
    for (const accept of [undefined, 'identity']) {
      const { response, bytes } = await get('/assets/index-abc123.js', accept);
      expect(response.status).toBe(200);
      expect(response.headers.has('content-encoding')).toBe(false);
      expect(header(response, 'content-type')).toMatch(/^text\/javascript/);
      expect(header(response, 'vary').toLowerCase()).toContain('accept-encoding');
      expect(header(response, 'cache-control')).toContain('immutable');
      expect(bytes.toString()).toBe(script);
    }
  });

  it('serves an asset that has no compressed copy as it is', async () => {
    const { response, bytes } = await get('/assets/logo-def456.svg', 'br, gzip');
    expect(response.status).toBe(200);
    expect(response.headers.has('content-encoding')).toBe(false);
    expect(header(response, 'content-type')).toContain('image/svg+xml');
    expect(bytes.toString()).toContain('<svg');
  });

  it('revalidates index.html every time, compressed when accepted, for / and for client routes', async () => {
    for (const path of ['/', '/index.html', '/spaces/abc/us-letter']) {
      const { response, bytes } = await get(path, 'br, gzip');
      expect(response.status, path).toBe(200);
      expect(header(response, 'content-type'), path).toContain('text/html');
      expect(header(response, 'content-encoding'), path).toBe('br');
      expect(header(response, 'vary').toLowerCase(), path).toContain('accept-encoding');
      expect(header(response, 'cache-control'), path).toBe('no-cache');
      expect(brotliDecompressSync(bytes).toString(), path).toBe(page);
    }
  });

  it('still answers an unknown API path with the JSON 404', async () => {
    const { response } = await get('/api/nothing-here', 'br');
    expect(response.status).toBe(404);
    expect(header(response, 'content-type')).toContain('application/json');
    expect(response.headers.has('content-encoding')).toBe(false);
  });
});

describe('a build with a space page', () => {
  // space.html: the app page preloading the editor's chunks (client/vite-plugins/space-page.ts).
  const built = tempDir('twofold-client-space-');
  const spacePage = page.replace(
    '</head>',
    '<link rel="modulepreload" href="/assets/editor-xyz789.js"></head>',
  );
  writeWithCompressed(join(built.path, 'index.html'), page);
  writeWithCompressed(join(built.path, 'space.html'), spacePage);
  const app = createTestApp({ clientDir: built.path });
  afterAll(() => {
    app.close();
    built.remove();
  });
  const pageAt = async (path: string) => {
    const response = await app.app.request(`http://localhost${path}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.status, path).toBe(200);
    expect(header(response, 'cache-control'), path).toBe('no-cache');
    expect(header(response, 'content-encoding'), path).toBe('gzip');
    return gunzipSync(Buffer.from(await response.arrayBuffer())).toString();
  };

  it('sends it for a space’s addresses, and the plain page everywhere else', async () => {
    for (const path of ['/spaces/abc', '/spaces/abc/us-letter', '/spaces/abc/letters/xyz']) {
      expect(await pageAt(path), path).toBe(spacePage);
    }
    for (const path of ['/', '/login', '/signup', '/join/abc', '/account', '/spacesque']) {
      expect(await pageAt(path), path).toBe(page);
    }
  });
});
