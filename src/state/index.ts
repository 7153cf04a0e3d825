export { TurnRunner, type TurnRunnerOptions } from './turnRunner.js';
export { guardStorage, StorageUnavailableError, isStorageUnavailable } from './storageGuard.js';
export { ConversationQueue, QueueFullError } from './conversationQueue.js';
export { DeliveryLedger, DELIVERIES, DELIVERY_TTL_MS } from './deliveries.js';
export { RetentionSweeper, retentionPolicy, LAST_ACTIVE, DAY_MS, type RetentionPolicy } from './retention.js';
export type { KeyedBotState } from './checkedState.js';
