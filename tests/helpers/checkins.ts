/** The check-in routes of a space. */
export const checkinsPath = (spaceId: string) => `/api/spaces/${spaceId}/checkins`;

/** A complete check-in answer whose words all carry `words`, so a test can tell whose it is. */
export const checkinAnswers = (words: string) => ({
  appreciations: `${words} appreciation`,
  wentWell: `${words} went well`,
  hard: `${words} was hard`,
  needNextWeek: `${words} need`,
  safe: 7,
  trusting: 6,
  connected: 8,
});
