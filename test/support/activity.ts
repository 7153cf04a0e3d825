import { randomUUID } from 'node:crypto';

/** A Teams-shaped personal-chat activity, as the channel would POST it. */
export function teamsActivity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/unused',
    timestamp: new Date().toISOString(),
    from: { id: `user-${randomUUID()}`, name: 'Partner', aadObjectId: randomUUID() },
    recipient: { id: 'bot-1', name: 'CSP Move Assistant' },
    conversation: { id: `conv-${randomUUID()}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'en-US',
    text: 'hello',
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}
