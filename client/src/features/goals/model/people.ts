import { BOTH_OWNERS } from '@twofold/shared';

/** The two members of the space as the goals pages name them. */
export interface People {
  selfId: string;
  selfName: string;
  partner: { id: string; name: string } | null;
}

/** "You", the partner's name, or a former member: who did something, as a sentence subject. */
export function personName(people: People, userId: string | null): string {
  if (!userId) return 'someone';
  if (userId === people.selfId) return 'you';
  if (userId === people.partner?.id) return people.partner.name;
  return 'a former member';
}

/** Who owns a step, for its label. */
export function ownerLabel(people: People, owner: string): string {
  if (owner === BOTH_OWNERS) return 'Both of us';
  if (owner === people.selfId) return 'Me';
  if (owner === people.partner?.id) return people.partner.name;
  return 'A former member';
}

/** The choices of owner for a step: me, my partner (once there is one), both. */
export function ownerChoices(people: People): { value: string; label: string }[] {
  return [
    { value: people.selfId, label: 'Me' },
    ...(people.partner ? [{ value: people.partner.id, label: people.partner.name }] : []),
    { value: BOTH_OWNERS, label: 'Both of us' },
  ];
}

/** Capitalises the first letter ("you" at the start of a sentence). */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
