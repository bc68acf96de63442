export * from './schemas/errors.ts';
export * from './schemas/auth.ts';
export * from './schemas/spaces.ts';
export * from './protocol.ts';
export * from './doc/roots.ts';
export * from './doc/presence.ts';
export * from './schemas/attestations.ts';
export * from './schemas/events.ts';
