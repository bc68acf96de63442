import type { ReactNode } from 'react';

interface Props {
  title: string;
  intro: string;
  /** Anything to add under the intro, for example the way to log in instead. */
  more?: ReactNode;
  children: ReactNode;
}

/** The calm frame around the login and signup forms. */
export function AuthPage({ title, intro, more, children }: Props) {
  return (
    <div className="auth">
      <div className="auth__intro">
        <h1 className="auth__title">{title}</h1>
        <p className="lead">{intro}</p>
        {more}
      </div>
      <section className="card auth__card">{children}</section>
    </div>
  );
}
