import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** The editor's chunk: most of a space's pages need it (TipTap, ProseMirror, y-prosemirror). */
const EDITOR_MODULE = /\/src\/components\/editor\/collab-editor\.tsx$/;

/** The chunks `name` imports statically, itself included, in load order. */
function withImports(bundle: OutputBundle, name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const chunk = bundle[name];
  if (!chunk || chunk.type !== 'chunk') return [];
  return [...chunk.imports.flatMap((dep) => withImports(bundle, dep, seen)), name];
}

/**
 * Writes `space.html`: `index.html` plus `<link rel="modulepreload">` for the editor's chunk
 * and what it imports. The server answers a space's address (`/spaces/…`) with it, so a phone
 * opening a space fetches the editor beside the entry chunk instead of a round trip after the
 * entry has downloaded and run (client/src/app/router.tsx starts it then); every other page
 * keeps the plain `index.html` and does not download an editor it may never show.
 */
export function spacePage(): Plugin {
  return {
    name: 'twofold:space-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      const editor = Object.values(bundle).find(
        (item): item is OutputChunk => item.type === 'chunk' && EDITOR_MODULE.test(item.facadeModuleId ?? ''),
      );
      if (!index || index.type !== 'asset' || !editor) {
        this.error('space.html needs index.html and the editor chunk in the bundle');
      }
      const html = String(index.source);
      const links = withImports(bundle, editor.fileName)
        .filter((file) => !html.includes(`/${file}"`))
        .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
        .join('\n    ');
      this.emitFile({
        type: 'asset',
        fileName: 'space.html',
        source: html.replace('</head>', `    ${links}\n  </head>`),
      });
    },
  };
}
