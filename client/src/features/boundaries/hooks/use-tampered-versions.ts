import { boundaryHash, findTamperedVersions, type AgreedVersion } from '@twofold/shared';
import { useEffect, useState } from 'react';

/**
 * Checks every kept version against the notary: its words must hash to its stored hash, and
 * both members must have signed that hash. Anything else was changed after signing.
 */
export function useTamperedVersions(
  versions: readonly AgreedVersion[],
  agreedHashes: ReadonlySet<string>,
): ReadonlySet<string> | null {
  const [tampered, setTampered] = useState<ReadonlySet<string> | null>(null);
  useEffect(() => {
    let cancelled = false;
    void findTamperedVersions(versions, agreedHashes, boundaryHash).then((found) => {
      if (!cancelled) setTampered(found);
    });
    return () => {
      cancelled = true;
    };
  }, [versions, agreedHashes]);
  return tampered;
}
