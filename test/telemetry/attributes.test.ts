import { expect } from 'chai';
import { activityTypeOf, connectorUrlTemplate, errorTypeOf } from '../../src/telemetry/attributes.js';
import { ReplyNotDelivered } from '../../src/http/connectorRetry.js';

describe('telemetry attributes: only fixed sets, never ids or messages', () => {
  it('templates connector paths, dropping ids and whatever precedes /v3/ in the service URL', () => {
    expect(connectorUrlTemplate('/v3/conversations/a%3A1xyz/activities/1712345678901')).to.equal('/v3/conversations/{conversationId}/activities/{activityId}');
    expect(connectorUrlTemplate('/amer/2f1e0d9c-8b7a-4c6d-9e8f-7a6b5c4d3e2f/v3/conversations/19%3Ameeting_abc%40thread.v2/activities')).to.equal(
      '/v3/conversations/{conversationId}/activities',
    );
    expect(connectorUrlTemplate('/v3/conversations/x/members/29%3Auser')).to.equal('/v3/conversations/{conversationId}/members/{memberId}');
    expect(connectorUrlTemplate('/v3/conversations/x/unknown-word/y')).to.equal('/v3/conversations/{conversationId}/{id}/{id}');
    expect(connectorUrlTemplate('/api/somewhere/else')).to.equal(undefined);
  });

  it('names an error by its code or class, never by its message', () => {
    expect(errorTypeOf(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }))).to.equal('ECONNREFUSED');
    expect(errorTypeOf(new ReplyNotDelivered(503, undefined, 4))).to.equal('ReplyNotDelivered');
    expect(errorTypeOf(new TypeError('user typed: my secret'))).to.equal('TypeError');
    // A code or name that is not a plain identifier (someone else's free text) is not passed on.
    expect(errorTypeOf({ code: 'has spaces and a secret', name: 'X' })).to.equal('Error');
    expect(errorTypeOf('a thrown string')).to.equal('string');
    expect(errorTypeOf(undefined)).to.equal('undefined');
  });

  it('keeps the Bot Framework activity types and calls anything else "other"', () => {
    expect(activityTypeOf('message')).to.equal('message');
    expect(activityTypeOf('installationUpdate')).to.equal('installationUpdate');
    expect(activityTypeOf('x-customer-Contoso')).to.equal('other');
    expect(activityTypeOf(undefined)).to.equal('other');
  });
});
