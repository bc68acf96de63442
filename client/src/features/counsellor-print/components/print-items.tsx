import {
  BOUNDARY_CATEGORY_LABELS,
  BOUNDARY_TEXT_FIELDS,
  BOUNDARY_TEXT_LABELS,
  type ExportedBoundary,
  type LetterView,
} from '@twofold/shared';

const longDay = (at: number) => new Date(at).toLocaleDateString(undefined, { dateStyle: 'long' });
const dayOf = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return longDay(new Date(y ?? 2000, (m ?? 1) - 1, d ?? 1).getTime());
};

function Paragraphs({ text }: { text: string }) {
  const lines = text.split('\n').filter((line) => line.trim());
  if (lines.length === 0) return <p className="print-item__empty">Nothing written yet.</p>;
  return (
    <>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </>
  );
}

export function PrintedBoundary({ boundary, members }: { boundary: ExportedBoundary; members: string }) {
  const { content, versions } = boundary;
  const last = versions.at(-1);
  return (
    <article className="print-item">
      <p className="print-item__kind">Boundary · {BOUNDARY_CATEGORY_LABELS[content.category]}</p>
      <h2 className="print-item__title">{content.title || 'Untitled boundary'}</h2>
      <p className="print-item__meta">
        Between {members}. {boundary.status}
        {last ? `; last agreed by both on ${longDay(last.agreedAt)}` : ''}.
        {content.reviewOn && ` Review on ${dayOf(content.reviewOn)}.`}
        {content.endsOn && ` Ends on ${dayOf(content.endsOn)}.`}
      </p>
      {BOUNDARY_TEXT_FIELDS.map((field) => (
        <section key={field} className="print-item__section">
          <h3>{BOUNDARY_TEXT_LABELS[field]}</h3>
          <Paragraphs text={content[field]} />
        </section>
      ))}
    </article>
  );
}

export function PrintedLetter({ letter }: { letter: LetterView }) {
  return (
    <article className="print-item">
      <p className="print-item__kind">Letter</p>
      <h2 className="print-item__title">{letter.title}</h2>
      <p className="print-item__meta">
        From {letter.authorName}, sent on {longDay(letter.sentAt)}
        {letter.readAt ? `, read on ${longDay(letter.readAt)}` : ''}.
      </p>
      {letter.prompt && <p className="print-item__prompt">{letter.prompt}</p>}
      <Paragraphs text={letter.body?.text ?? ''} />
    </article>
  );
}

export function PrintedUsLetter({ text, members }: { text: string; members: string }) {
  return (
    <article className="print-item">
      <p className="print-item__kind">Written together</p>
      <h2 className="print-item__title">What trust means to us</h2>
      <p className="print-item__meta">By {members}.</p>
      <Paragraphs text={text} />
    </article>
  );
}
