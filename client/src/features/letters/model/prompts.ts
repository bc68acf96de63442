/**
 * Prompts for letters, in Twofold's own voice. A prompt suggests; it never fills the page, so
 * the words stay the writer's. The questions sit beside the editor as a gentle guide.
 */
export interface LetterPrompt {
  id: string;
  group: PromptGroup;
  title: string;
  /** One or two sentences on what this letter is for. */
  intro: string;
  /** Questions to think through while writing; none has to be answered. */
  questions: readonly string[];
}

export type PromptGroup = 'trust' | 'repair' | 'appreciation' | 'future';

export const PROMPT_GROUPS: readonly { id: PromptGroup; title: string }[] = [
  { id: 'trust', title: 'Trust' },
  { id: 'repair', title: 'Repair' },
  { id: 'appreciation', title: 'Appreciation' },
  { id: 'future', title: 'The future' },
];

export const LETTER_PROMPTS: readonly LetterPrompt[] = [
  {
    id: 'what-trust-means',
    group: 'trust',
    title: 'What trust means to me',
    intro: 'Trust looks different for each of us. Describe what it looks like for you, day to day.',
    questions: [
      'When do you feel most able to rely on your partner?',
      'What small things tell you that you are safe with them?',
      'What would help you trust a little more?',
    ],
  },
  {
    id: 'felt-trusted',
    group: 'trust',
    title: 'A moment I felt fully trusted',
    intro: 'Remember a time you felt completely trusted, by your partner or by anyone, and what made it so.',
    questions: ['What happened?', 'What did the other person do or say?', 'How did it change you?'],
  },
  {
    id: 'apology',
    group: 'repair',
    title: 'An apology',
    intro:
      'A sincere apology takes responsibility and names a plan. It asks for nothing in return: ' +
      'not forgiveness, not a reply, not a date by which things should be better.',
    questions: [
      'Name what happened, plainly and specifically.',
      'Take responsibility for your part, without “but” and without explaining it away.',
      'Say how you understand it hurt your partner. You may not know everything; that is fine.',
      'Say what you will do differently, in concrete steps you can keep.',
      'Ask what they need from you now, and let their answer be theirs, whenever it comes.',
    ],
  },
  {
    id: 'what-i-heard',
    group: 'repair',
    title: 'What I heard you say',
    intro: 'After a hard conversation, write back what you understood, so your partner can feel heard.',
    questions: [
      'What did your partner tell you they felt?',
      'What did they say they need?',
      'What do you still want to understand?',
    ],
  },
  {
    id: 'what-i-appreciate',
    group: 'appreciation',
    title: 'What I appreciate in you',
    intro: 'Tell your partner what you see and value in them, with examples they will recognise.',
    questions: [
      'What did they do recently that mattered to you?',
      'Which of their qualities do you lean on?',
      'What do you rarely say out loud?',
    ],
  },
  {
    id: 'thank-you',
    group: 'appreciation',
    title: 'Thank you for…',
    intro: 'A letter of thanks for something specific, large or small.',
    questions: ['What are you thankful for?', 'What difference did it make to you?'],
  },
  {
    id: 'a-year-from-now',
    group: 'future',
    title: 'Us, a year from now',
    intro: 'Picture an ordinary day together a year from now, when things feel good.',
    questions: [
      'What does that day look like?',
      'What has changed between you?',
      'What is one step towards it you could take this month?',
    ],
  },
  {
    id: 'to-open-later',
    group: 'future',
    title: 'A letter to open later',
    intro: 'Write to your partner as they will be on a day you choose: an anniversary, six months from now.',
    questions: [
      'What do you hope will be true by then?',
      'What do you want to remember about now?',
      'What do you want them to know, whatever happens?',
    ],
  },
];

export function promptByTitle(title: string | null): LetterPrompt | undefined {
  return title ? LETTER_PROMPTS.find((prompt) => prompt.title === title) : undefined;
}
