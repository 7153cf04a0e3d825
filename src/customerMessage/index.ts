// Public API of the customer message: a Guidance in, what the customer's admin must know out (keys, dates, link ids).
// Pure like the guidance engine it reads: no i18n, no bot framework, no I/O; cards/ writes the text.
export { composeCustomerMessage, customerActions, MAX_LINKS } from './compose.js';
export { CUSTOMER_ACTORS, isCustomerActor, type CustomerAction, type CustomerActor, type CustomerLine, type CustomerMessage } from './types.js';
export { NOTE_PLACEMENTS, STEP_PLACEMENTS } from './placements.js';
