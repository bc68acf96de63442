import { BoundaryCategory, type BoundaryTextField } from './boundary-model.ts';

export interface BoundaryTemplate {
  key: string;
  title: string;
  category: BoundaryCategory;
  text: Record<BoundaryTextField, readonly string[]>;
}

/**
 * Starter boundaries on the topics couples most often need to talk through. They are a place
 * to begin, in plain and calm words, and every word is meant to be changed.
 */
export const BOUNDARY_TEMPLATES: readonly BoundaryTemplate[] = [
  {
    key: 'phone-privacy',
    title: 'Phones and privacy',
    category: BoundaryCategory.privacy,
    text: {
      meaning: ['We each keep a private life, and we do not keep secrets that would hurt the other.'],
      why: [
        'Checking each other’s phones feeds fear instead of trust. We want to feel safe without watching.',
      ],
      honouring: [
        'If one of us asks about a message or a contact, the other answers openly.',
        'We do not go through each other’s phones without asking.',
      ],
      ifCrossed: ['We name it calmly the same day, and talk it through at our next check-in.'],
    },
  },
  {
    key: 'pausing-a-fight',
    title: 'How we pause and resume a hard conversation',
    category: BoundaryCategory.communication,
    text: {
      meaning: [
        'Either of us can ask for a pause when a conversation turns hurtful, and we always come back to it.',
      ],
      why: ['Words said while flooded are hard to take back. A pause protects us both.'],
      honouring: [
        'We say “I need a pause” and agree on when we will pick it up again, within a day.',
        'During the pause we do not leave the conversation hanging with silence or sarcasm.',
      ],
      ifCrossed: ['The one who pushed on says so, and we restart the conversation more gently.'],
    },
  },
  {
    key: 'time-with-friends',
    title: 'Time with friends',
    category: BoundaryCategory.friendsAndFamily,
    text: {
      meaning: ['We each have time with our own friends, and we keep each other in the loop.'],
      why: ['Friendships keep us whole. Knowing the plan keeps worry away.'],
      honouring: [
        'We mention plans ahead of time and say roughly when we will be home.',
        'If plans change, a short message is enough.',
      ],
      ifCrossed: ['We talk about what felt uncertain, without blame, and adjust the plan for next time.'],
    },
  },
  {
    key: 'contact-with-exes',
    title: 'Contact with former partners',
    category: BoundaryCategory.friendsAndFamily,
    text: {
      meaning: ['Any contact with a former partner is open between us.'],
      why: ['Rebuilding trust needs no surprises in the places where hurt began.'],
      honouring: [
        'If a former partner gets in touch, we mention it, and what was said if asked.',
        'We do not meet a former partner alone without talking about it first.',
      ],
      ifCrossed: [
        'We tell the other ourselves, as soon as we can, and decide together what repair looks like.',
      ],
    },
  },
  {
    key: 'money-decisions',
    title: 'Money decisions',
    category: BoundaryCategory.money,
    text: {
      meaning: ['We decide larger spending together and keep our shared finances visible to both.'],
      why: ['Money kept out of sight becomes a quiet source of distrust.'],
      honouring: [
        'We talk before any single purchase above an amount we agree on.',
        'Either of us can look at our shared accounts at any time.',
      ],
      ifCrossed: ['We look at it together, without shaming, and agree on what to change.'],
    },
  },
];
