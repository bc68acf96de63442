import { describe, expect, it } from 'vitest';
import {
  changeEmailMail,
  emailChangingNotice,
  resetMail,
  verifyMail,
} from '../../server/src/mail/messages.ts';

const LINK = 'https://twofold.example/reset-password#token=abc';

describe('the emails Twofold sends', () => {
  const mails = [
    resetMail('a@example.test', LINK),
    verifyMail('a@example.test', LINK),
    changeEmailMail('a@example.test', LINK),
    emailChangingNotice('a@example.test', 'https://twofold.example/account'),
  ];

  it('carry their link on a line of its own, so every mail client makes it clickable', () => {
    for (const mail of mails.slice(0, 3)) expect(mail.text.split('\n')).toContain(LINK);
  });

  it('say nothing about a partner or a space, and never shame or hurry', () => {
    for (const mail of mails) {
      const words = `${mail.subject} ${mail.text}`.toLowerCase();
      for (const word of ['partner', 'space', 'letter', 'boundary', 'streak', 'urgent', '!']) {
        expect(words).not.toContain(word);
      }
    }
  });

  it('tell how long a link works, in the words a person uses', () => {
    expect(mails[0]?.text).toContain('within 30 minutes');
    expect(mails[1]?.text).toContain('works for 3 days');
  });
});
