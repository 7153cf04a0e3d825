// Tracked moves (issue 16): per user, in the bot's storage; pure planning from a Guidance, I/O in MoveStore.
export { MoveStore, moveActiveUntil, lastDateOf, type MoveIndex, type MoveReminders, type MoveStoreOptions, type MoveUpdate, type TrackInput, type TrackResult } from './moveStore.js';
export { checkLabel, MAX_LABEL_CHARS, type LabelCheck, type LabelProblem } from './label.js';
export { planOf, nextDateOf, urgentActions, REMINDER_DAYS_BEFORE, type UrgentAction } from './fromGuidance.js';
export { userKeyOf, moveIdOf, indexKey, moveKey, type UserRef } from './keys.js';
export * from './types.js';
