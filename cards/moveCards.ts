// Cards of tracked moves (issue 16). Placeholder of the contract: the views and templates land next.
import type { MoveReply } from '../dialogs/core/replies.js';
import type { CardAttachment } from './render.js';
import type { Translate } from './views/shared.js';

export function renderMoveCard(_t: Translate, reply: MoveReply, _today: string): CardAttachment {
  throw new Error(`No card yet for ${reply.kind}`);
}
