import { lazy, Suspense, type ComponentProps } from 'react';

const loadEditor = () => import('./collab-editor.tsx');

/**
 * Starts loading the editor code (TipTap and ProseMirror, about half the app) ahead of use,
 * for example as soon as a space opens, so a letter opens without a wait.
 */
export function preloadEditor(): void {
  void loadEditor();
}

const CollabEditor = lazy(() => loadEditor().then((module) => ({ default: module.CollabEditor })));

/** `CollabEditor`, loaded on first use so the login and home pages stay light. */
export function LazyCollabEditor(props: ComponentProps<typeof CollabEditor>) {
  return (
    <Suspense
      fallback={
        <div className="editor editor--loading" aria-busy="true">
          <p className="editor__loading">Opening the page…</p>
        </div>
      }
    >
      <CollabEditor {...props} />
    </Suspense>
  );
}
