export { createConversation, type Conversation, type ConversationDeps } from './conversation.js';
export { ConversationDialog, CONVERSATION_DIALOG } from './conversationDialog.js';
export { decide, type Decision, type TurnInput, type TurnIntent } from './core/decide.js';
export type { Reply } from './core/replies.js';
export type { CheckState, UserProfile, PartnerAnswers } from './core/state.js';
