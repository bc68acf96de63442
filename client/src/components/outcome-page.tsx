import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  eyebrow?: string;
  title: string;
  /** What happened, and what it means, in a sentence or two each. */
  children: ReactNode;
  /** What the person can do next: links or buttons. */
  actions: ReactNode;
}

/**
 * The page someone lands on after something ends (leaving a space, deleting an account):
 * what happened, what it means, and where to go next, never a bare page. The heading takes
 * focus so a screen reader starts from it.
 */
export function OutcomePage({ eyebrow, title, children, actions }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="outcome narrow" aria-labelledby="outcome-title">
      {eyebrow && <p className="eyebrow">{eyebrow}</p>}
      <h1 id="outcome-title" className="outcome__title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <div className="outcome__text">{children}</div>
      <div className="outcome__actions">{actions}</div>
    </section>
  );
}
