/**
 * IndexedDB database names, scoped by user so a second account on the same device never
 * opens (or sees) another person's documents, private notes above all.
 */
export const docNames = {
  userPrefix: (userId: string) => `twofold:${userId}:`,
  shared: (userId: string, spaceId: string) => `twofold:${userId}:space:${spaceId}`,
  private: (userId: string, spaceId: string) => `twofold:${userId}:private:${spaceId}`,
};
