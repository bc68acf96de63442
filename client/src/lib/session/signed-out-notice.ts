/**
 * Whether this tab has just found its session gone without anyone here signing out: signed
 * out from another device, or expired. Set by GET /api/me on a 401 when this device still
 * held a signed-in snapshot (a deliberate logout or account deletion clears the snapshot
 * first); cleared once someone is signed in again. Lives in memory only: it is a one-time
 * explanation on the login page, not a record.
 */
let signedOutElsewhere = false;
// While this tab signs itself out, the server also closes its sockets (4401), which asks
// GET /api/me again before the logout has finished here: that 401 is no surprise.
let signingOutHere = false;

export function noteSignedOutElsewhere(): void {
  if (!signingOutHere) signedOutElsewhere = true;
}

/** Marks a logout or account deletion started in this tab, until `done` is called. */
export function signingOut(): { done(): void } {
  signingOutHere = true;
  return {
    done: () => {
      signingOutHere = false;
    },
  };
}

export function clearSignedOutNotice(): void {
  signedOutElsewhere = false;
}

/** True when the login page should say why the person is there (see the module comment). */
export function wasSignedOutElsewhere(): boolean {
  return signedOutElsewhere;
}
