import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';

/**
 * Every span, metric and attribute name this app exports, in one place (the README lists the same).
 *
 * Our own names live under `csp.`: the Microsoft 365 Agents SDK, which this bot may move to, names its turn
 * span `agents.app.run` and its metrics `agents.*`. Borrowing those would claim semantics we don't share
 * (its span covers its own routing) and would collide once both run; our own prefix lets a dashboard map one
 * onto the other deliberately. Where OpenTelemetry's semantic conventions define an attribute (HTTP, errors,
 * service) we use theirs, so backends such as Azure Monitor render connector calls as HTTP dependencies.
 */
export const SCOPE = 'csp-move-assistant';

export const SPANS = {
  /** One per activity the adapter processes (root span of the turn). */
  turn: 'csp.turn',
  /** One per call of the bot's Storage (`csp.storage.read`, `.write`, `.delete`). */
  storage: (operation: StorageOperation) => `csp.storage.${operation}`,
  // Connector calls follow the HTTP client convention: "{method} {url.template}", e.g. "POST /v3/conversations/{conversationId}/activities/{activityId}".
} as const;

export type StorageOperation = 'read' | 'write' | 'delete';

export const METRICS = {
  turns: 'csp.turns',
  turnDuration: 'csp.turn.duration',
  results: 'csp.check.results',
  storageDuration: 'csp.storage.duration',
  storageUnavailableTurns: 'csp.storage.unavailable_turns',
  connectorDuration: 'csp.connector.duration',
  connectorRetries: 'csp.connector.retries',
  duplicateDeliveries: 'csp.duplicate_deliveries',
} as const;

export const ATTRS = {
  activityType: 'csp.activity.type',
  intent: 'csp.turn.intent',
  outcome: 'csp.turn.outcome',
  verdict: 'csp.verdict',
  locale: 'csp.locale',
  /** The request's random correlation id (also on every log line of the turn): not derived from any user or conversation. */
  correlationId: 'csp.correlation_id',
  duplicateHandling: 'csp.duplicate.handling',
  storageOperation: 'csp.storage.operation',
  storageKind: 'csp.storage.kind',
  storageItems: 'csp.storage.items',
  // OpenTelemetry semantic conventions: the stable HTTP and error attributes.
  errorType: ATTR_ERROR_TYPE,
  httpMethod: ATTR_HTTP_REQUEST_METHOD,
  httpStatus: ATTR_HTTP_RESPONSE_STATUS_CODE,
  httpResendCount: ATTR_HTTP_REQUEST_RESEND_COUNT,
  serverAddress: ATTR_SERVER_ADDRESS,
  serverPort: ATTR_SERVER_PORT,
  // Still "development" in the conventions (only in their incubating entry point, which libraries should not import).
  urlTemplate: 'url.template',
} as const;
