import type { AgreedVersion, BoundaryContent } from '@twofold/shared';
import { useId, useState } from 'react';
import { formatMoment } from '@/lib/dates.ts';
import { ContentDiff } from './content-diff.tsx';
import { ContentRead } from './content-read.tsx';

interface Props {
  versions: readonly AgreedVersion[];
  /** Hashes of the versions the notary says both signed (`attestedVersions`); null while loading. */
  attestedHashes: ReadonlySet<string> | null;
  current: BoundaryContent;
  /** The hash of the text now; null while it is being computed. */
  currentHash: string | null;
}

const CURRENT = 'current';

/**
 * Every version both partners signed, oldest first, each checked against the notary, and a
 * comparison between any two of them (or the text as it is now).
 */
export function AgreedTimeline({ versions, attestedHashes, current, currentHash }: Props) {
  // Until someone picks, compare the last agreed version that differs from the text now with
  // the text now. While the text is the newest agreed version, comparing that version with
  // itself would only say "the same": the one before it shows what the last agreement changed.
  const [picked, setPicked] = useState<{ from?: string; to?: string }>({});
  const differing = versions.filter((v) => v.hash !== currentHash);
  const lastDiffering =
    differing.filter((v) => attestedHashes?.has(v.hash) ?? false).at(-1) ??
    differing.at(-1) ??
    versions.at(-1);
  const from = picked.from ?? lastDiffering?.hash ?? CURRENT;
  const to = picked.to ?? CURRENT;
  const setFrom = (value: string) => setPicked((p) => ({ ...p, from: value }));
  const setTo = (value: string) => setPicked((p) => ({ ...p, to: value }));
  const fromId = useId();
  const toId = useId();

  if (versions.length === 0) {
    return (
      <section className="timeline" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="section-title">
          Agreed versions
        </h2>
        <p className="muted">When you have both signed, the version you agreed to is kept here.</p>
      </section>
    );
  }

  const label = (hash: string) => {
    if (hash === CURRENT) return 'The text now';
    const index = versions.findIndex((v) => v.hash === hash);
    return `Version ${index + 1}`;
  };
  const isNow = (hash: string) => hash === CURRENT || hash === currentHash;
  const contentOf = (hash: string) =>
    hash === CURRENT ? current : (versions.find((v) => v.hash === hash)?.content ?? current);
  const options = [
    ...versions.map((v, i) => ({
      value: v.hash,
      text: `Version ${i + 1} · ${formatMoment(v.agreedAt)}${v.hash === currentHash ? ' (now)' : ''}`,
    })),
    { value: CURRENT, text: 'The text now' },
  ];

  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="section-title">
        Agreed versions
      </h2>
      <ol className="timeline__list" data-testid="agreed-versions">
        {versions.map((version, i) => {
          const broken = attestedHashes !== null && !attestedHashes.has(version.hash);
          return (
            <li key={version.hash} className="timeline__item" data-tampered={broken}>
              <details>
                <summary>
                  <span className="timeline__name">Version {i + 1}</span>{' '}
                  <span className="timeline__date">agreed by both · {formatMoment(version.agreedAt)}</span>
                </summary>
                <ContentRead content={version.content} />
              </details>
              {broken && (
                <p className="timeline__warning" role="alert">
                  This stored version does not match what you both signed. Someone’s device changed it after
                  signing, so do not rely on it.
                </p>
              )}
            </li>
          );
        })}
      </ol>

      <div className="compare">
        <h3 className="compare__title">Compare two versions</h3>
        <div className="compare__pickers">
          <div className="field">
            <label className="field__label" htmlFor={fromId}>
              From version
            </label>
            <select
              id={fromId}
              className="field__input"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.text}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={toId}>
              To version
            </label>
            <select id={toId} className="field__input" value={to} onChange={(e) => setTo(e.target.value)}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.text}
                </option>
              ))}
            </select>
          </div>
        </div>
        {isNow(from) && isNow(to) && from !== to ? (
          <p className="diff__same">
            The text now is {from === CURRENT ? label(to) : label(from)}, exactly as you both agreed it.
          </p>
        ) : (
          <ContentDiff
            before={contentOf(from)}
            after={contentOf(to)}
            beforeLabel={label(from).toLowerCase()}
            afterLabel={label(to).toLowerCase()}
          />
        )}
      </div>
    </section>
  );
}
