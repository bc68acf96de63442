import { RESET_LINK_TTL_MS, VERIFY_LINK_TTL_MS } from '@twofold/shared';
import type { Mail } from './mailer.ts';

/*
 * Every email Twofold sends. They carry no words from a space, no partner's name and nothing
 * about what happened in it: a partner, or whoever holds the phone, may read the lock screen.
 */

const minutes = (ms: number) => Math.round(ms / 60_000);
const days = (ms: number) => Math.round(ms / (24 * 60 * 60_000));

/** The link to set a new password. */
export function resetMail(to: string, link: string): Mail {
  return {
    to,
    subject: 'Reset your Twofold password',
    text: [
      'Someone, hopefully you, asked to reset the password of the Twofold account that uses this email address.',
      `To choose a new password, open this link within ${minutes(RESET_LINK_TTL_MS)} minutes:`,
      link,
      'Setting a new password signs out every device signed in to the account.',
      'If you did not ask for this, you can ignore this email; your password stays as it is.',
    ].join('\n\n'),
    // Queued with its link: not worth sending (nor keeping) once the link stopped working.
    validForMs: RESET_LINK_TTL_MS,
  };
}

/** The link to confirm the address an account signed up with. */
export function verifyMail(to: string, link: string): Mail {
  return {
    to,
    subject: 'Confirm your email address for Twofold',
    text: [
      'Please confirm that this address is yours, so that a password reset can always reach you:',
      link,
      `The link works for ${days(VERIFY_LINK_TTL_MS)} days. If you did not create a Twofold account, you can ignore this email.`,
    ].join('\n\n'),
    validForMs: VERIFY_LINK_TTL_MS,
  };
}

/** The link, sent to a new address, that moves the account there. */
export function changeEmailMail(to: string, link: string): Mail {
  return {
    to,
    subject: 'Confirm your new email address for Twofold',
    text: [
      'You asked to use this address for your Twofold account. Open this link to confirm it:',
      link,
      `The link works for ${days(VERIFY_LINK_TTL_MS)} days. Until then the account keeps its current address. If this was not you, you can ignore this email.`,
    ].join('\n\n'),
    validForMs: VERIFY_LINK_TTL_MS,
  };
}

/** The notice to the old address that someone asked to move the account away from it. */
export function emailChangingNotice(to: string, accountLink: string): Mail {
  return {
    to,
    subject: 'The email address of your Twofold account is being changed',
    text: [
      'Someone signed in to your Twofold account asked to move it to a different email address. The change happens once the new address is confirmed.',
      'If this was you, there is nothing more to do.',
      `If it was not, sign in and change your password; every other device will be signed out: ${accountLink}`,
    ].join('\n\n'),
  };
}
