// The splitter lives in shared/ since the server also splits what it loads (issue 14).
export { splitUpdate, SPLIT_PART_STRUCTS } from '@twofold/shared';
