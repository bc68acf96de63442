import { boundaryContent, boundaryHash, canonicalJson, type BoundaryEntry } from '@twofold/shared';
import { useEffect, useMemo, useState } from 'react';

/** The hash of each boundary's current content, keyed by the content's canonical JSON. */
export function useContentHashes(entries: readonly BoundaryEntry[]): ReadonlyMap<string, string> {
  const contents = useMemo(
    () =>
      entries.flatMap((entry) => {
        if (!entry.readable) return [];
        const content = boundaryContent(entry);
        return [{ json: canonicalJson(content), content }];
      }),
    [entries],
  );
  const [hashes, setHashes] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let cancelled = false;
    const missing = contents.filter((c) => !hashes.has(c.json));
    if (missing.length === 0) return;
    void Promise.all(missing.map(async (c) => [c.json, await boundaryHash(c.content)] as const)).then(
      (computed) => {
        if (cancelled) return;
        setHashes((previous) => {
          // Keep only what the current text needs, so the map does not grow while typing.
          const wanted = new Set(contents.map((c) => c.json));
          const next = new Map([...previous].filter(([json]) => wanted.has(json)));
          for (const [json, hash] of computed) next.set(json, hash);
          return next;
        });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [contents, hashes]);
  return hashes;
}
