import type { ReactNode } from 'react';

/** The calm frame around the login and signup forms. */
export function AuthPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <div className="auth">
      <div className="auth__intro">
        <h1 className="auth__title">{title}</h1>
        <p className="lead">{intro}</p>
      </div>
      <section className="card auth__card">{children}</section>
    </div>
  );
}
