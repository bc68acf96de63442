import type { Plugin, Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;

/** The module whose chunk (and the chunks it imports) a space's page preloads. */
const EDITOR_MODULE = '/src/components/editor/collab-editor.tsx';

/**
 * Writes `space.html` beside `index.html`: the same page, with `<link rel="modulepreload">`
 * for the editor's chunks (TipTap, ProseMirror: about half the app's JavaScript) and a
 * preload of GET /api/me, which the server sends for a space's addresses
 * (`server/src/http/routes/client-app.ts`).
 *
 * Why: a space's pages load the editor anyway (`preloadEditor` as soon as a space opens), but
 * only once the entry chunk has arrived and run; on a phone's 3G with nothing cached that put
 * the editor's 136 KB a second behind the rest. Listed in the page, they download beside the
 * entry. Other pages (the welcome page, log in) stay as light as they were.
 */
export function spacePage(): Plugin {
  return {
    name: 'twofold:space-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (!index || index.type !== 'asset' || typeof index.source !== 'string') {
        this.error('index.html is missing from the bundle');
      }
      const editor = Object.values(bundle).find(
        (file): file is OutputChunk =>
          file.type === 'chunk' && !!file.facadeModuleId?.endsWith(EDITOR_MODULE),
      );
      if (!editor) this.error(`no chunk for ${EDITOR_MODULE}`);
      const page = index.source as string;
      const links =
        // Who is signed in, asked by the entry chunk at boot (client/src/app/boot-space.ts,
        // always on a space's page, so the answer is always taken): asked here, it is on its
        // way while the chunks download instead of a round trip after them.
        '    <link rel="preload" href="/api/me" as="fetch" crossorigin="anonymous">\n' +
        chunksOf(editor, bundle)
          .filter((fileName) => !page.includes(`/${fileName}"`))
          .map((fileName) => `    <link rel="modulepreload" crossorigin href="/${fileName}">\n`)
          .join('');
      this.emitFile({
        type: 'asset',
        fileName: 'space.html',
        source: page.replace('</head>', `\n${links}  </head>`),
      });
    },
  };
}

/** `chunk` and every chunk it imports statically, nearest first. */
function chunksOf(chunk: OutputChunk, bundle: Rollup.OutputBundle): string[] {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const file = bundle[fileName];
    if (file?.type === 'chunk') for (const imported of file.imports) visit(imported);
  };
  visit(chunk.fileName);
  return [...seen];
}
