import { useDocumentTitle } from '@/lib/use-document-title.ts';

/** /help — always reachable, signed in or not. */
export function HelpRoute() {
  useDocumentTitle('Get help');
  return (
    <article className="help">
      <header className="page__header">
        <h1 className="page__title">Get help</h1>
        <p className="lead">
          Rebuilding trust is slow, and some of it is hard to do alone. This page is here for the moments when
          Twofold is not enough.
        </p>
      </header>

      <section className="help-section help-section--safety" aria-labelledby="help-unsafe">
        <h2 id="help-unsafe" className="help-section__title">
          If you feel unsafe
        </h2>
        <p>
          If you are in danger right now, contact your local emergency services. Your safety matters more than
          anything written here.
        </p>
        <ul className="help-list">
          <li>
            Most countries have domestic-abuse support services: helplines, advice and safe places to stay.
            They are confidential, and they help people who are unsure whether what is happening “counts”.
          </li>
          <li>
            If the other person can see your phone, laptop or accounts, look for help from a device they
            cannot reach, such as a trusted friend’s phone or a public library computer.
          </li>
          <li>
            <strong>Quick exit</strong>, at the top of every page, leaves Twofold at once for an ordinary
            recipe page. Pressing <kbd>Esc</kbd> twice does the same. It does not sign you out or hide that
            Twofold is on this device.
          </li>
        </ul>
      </section>

      <section className="help-section" aria-labelledby="help-not-therapy">
        <h2 id="help-not-therapy" className="help-section__title">
          Twofold is not therapy
        </h2>
        <p>
          Twofold gives a home to practices that counsellors often recommend: clear boundaries, honest
          letters, small promises kept, regular check-ins. It cannot listen, notice what is left unsaid, or
          help you through a crisis. A trained person can.
        </p>
      </section>

      <section className="help-section" aria-labelledby="help-when">
        <h2 id="help-when" className="help-section__title">
          When to see a couples counsellor
        </h2>
        <p>There is no wrong time to ask for help. It is often worth it when:</p>
        <ul className="help-list">
          <li>the same argument keeps coming back and neither of you feels heard;</li>
          <li>after a breach of trust, such as an affair or a serious lie, you cannot find a way forward;</li>
          <li>talking about what matters turns into silence, contempt or shouting;</li>
          <li>one of you feels anxious, low or numb most of the time;</li>
          <li>you are deciding whether to stay together and want to decide well.</li>
        </ul>
        <p>
          Counselling is not only for couples in trouble. Many people go to understand each other better, or
          to make a big change together.
        </p>
      </section>

      <section className="help-section" aria-labelledby="help-find">
        <h2 id="help-find" className="help-section__title">
          How to find one
        </h2>
        <ul className="help-list">
          <li>
            <strong>Ask your GP or doctor.</strong> They know local services and can often refer you,
            sometimes at low or no cost.
          </li>
          <li>
            <strong>Look at a professional register.</strong> Most countries have professional bodies that
            list accredited counsellors, therapists and psychologists; many let you search for couples work
            near you or online.
          </li>
          <li>
            <strong>Check your employer’s assistance programme.</strong> Many employers offer a few free,
            confidential counselling sessions, and some include couples.
          </li>
        </ul>
        <p>
          A first session is a chance to see whether the counsellor suits you both. It is fine to ask about
          their training, their experience with couples, and their fees. If you want to bring what you have
          written here, each of you can print or export your own part of the space.
        </p>
      </section>
    </article>
  );
}
