import { expect } from 'chai';
import { DEFAULT_RETRY, isReplyNotDelivered, nextDelay, parseRetryAfter, ReplyNotDelivered, safeToRepeat, type RetryOptions } from '../../src/http/connectorRetry.js';

const NOW = Date.parse('2026-11-21T08:00:00Z');
const opts = (overrides: Partial<RetryOptions> = {}): RetryOptions => ({ ...DEFAULT_RETRY, random: () => 0.5, ...overrides });

describe('connector retry policy', () => {
  describe('parseRetryAfter', () => {
    for (const [value, expected] of [
      ['2', 2000],
      [' 0 ', 0],
      ['120', 120_000],
      ['Sat, 21 Nov 2026 08:00:05 GMT', 5000],
      ['Sat, 21 Nov 2026 07:59:00 GMT', 0],
      ['1.5', undefined],
      ['-1', undefined],
      ['soon', undefined],
      ['', undefined],
      [undefined, undefined],
      ['9'.repeat(40), undefined],
    ] as const) {
      it(`reads ${JSON.stringify(value)} as ${expected}`, () => {
        expect(parseRetryAfter(value, NOW)).to.equal(expected);
      });
    }
  });

  describe('nextDelay', () => {
    it('doubles from baseDelayMs, up to maxDelayMs, each wait in the upper half of its step', () => {
      const o = opts({ maxAttempts: 10, budgetMs: 1e9 });
      for (const random of [0, 0.999]) {
        const waits = [1, 2, 3, 4, 5].map((attempt) => nextDelay(attempt, 0, undefined, { ...o, random: () => random })!);
        const steps = [500, 1000, 2000, 4000, 4000];
        waits.forEach((w, i) => expect(w).to.be.within(steps[i]! / 2, steps[i]!));
      }
    });

    it('spreads waits with jitter: different dice, different waits', () => {
      const a = nextDelay(2, 0, undefined, opts({ random: () => 0.1 }));
      const b = nextDelay(2, 0, undefined, opts({ random: () => 0.9 }));
      expect(a).to.not.equal(b);
    });

    it('waits at least Retry-After, plus less than half a base step', () => {
      const wait = nextDelay(1, 0, 3000, opts({ random: () => 0.999 }))!;
      expect(wait).to.be.at.least(3000).and.below(3000 + DEFAULT_RETRY.baseDelayMs / 2);
    });

    it('gives up on a Retry-After beyond maxRetryAfterMs', () => {
      expect(nextDelay(1, 0, DEFAULT_RETRY.maxRetryAfterMs + 1, opts())).to.equal(undefined);
    });

    it('gives up after maxAttempts tries', () => {
      expect(nextDelay(DEFAULT_RETRY.maxAttempts - 1, 0, undefined, opts())).to.be.a('number');
      expect(nextDelay(DEFAULT_RETRY.maxAttempts, 0, undefined, opts())).to.equal(undefined);
    });

    it('gives up when the next wait would overrun the total budget', () => {
      expect(nextDelay(1, DEFAULT_RETRY.budgetMs - 100, undefined, opts())).to.equal(undefined);
      expect(nextDelay(1, DEFAULT_RETRY.budgetMs - 1000, undefined, opts())).to.be.a('number');
    });

    it('keeps the worst case of the defaults inside the 15 s after which Teams re-sends a request', () => {
      let waited = 0;
      for (let attempt = 1; ; attempt++) {
        const wait = nextDelay(attempt, waited, DEFAULT_RETRY.maxRetryAfterMs, opts({ random: () => 0.999 }));
        if (wait === undefined) break;
        waited += wait;
      }
      expect(waited).to.be.at.most(DEFAULT_RETRY.budgetMs).and.below(15_000);
    });
  });

  describe('safeToRepeat: a POST is repeated only when the connector cannot have acted on it', () => {
    for (const [failure, expected] of [
      // The connector says it did not take the request.
      [{ method: 'POST', status: 429 }, true],
      [{ method: 'POST', status: 412 }, true],
      [{ method: 'POST', status: 408 }, true],
      [{ method: 'POST', status: 503, retryAfter: true }, true],
      // It may have delivered the message before the failure.
      [{ method: 'POST', status: 503 }, false],
      [{ method: 'POST', status: 500 }, false],
      [{ method: 'POST', status: 502 }, false],
      [{ method: 'POST', status: 504 }, false],
      [{ method: 'POST', status: 502, retryAfter: true }, false],
      // Transport failures: nothing was sent, or the request left (or we could not tell).
      [{ method: 'POST', code: 'ECONNREFUSED' }, true],
      [{ method: 'POST', code: 'EAI_AGAIN' }, true],
      [{ method: 'POST', code: 'ECONNRESET', left: false }, true],
      [{ method: 'POST', code: 'ECONNRESET', left: true }, false],
      [{ method: 'POST', code: 'ETIMEDOUT', left: true }, false],
      [{ method: 'POST', code: 'ECONNRESET' }, false],
      [{ method: 'post', code: 'EPIPE' }, false],
      // Idempotent calls: a repeat changes nothing more (an update replaces the same card again).
      [{ method: 'PUT', status: 502 }, true],
      [{ method: 'PUT', code: 'ECONNRESET', left: true }, true],
      [{ method: 'GET', status: 500 }, true],
      [{ method: 'DELETE', status: 504 }, true],
    ] as const) {
      it(`${JSON.stringify(failure)}: ${expected ? 'repeat' : 'do not repeat'}`, () => {
        expect(safeToRepeat(failure)).to.equal(expected);
      });
    }
  });

  it('recognises a delivery failure also when the dialog system wrapped it', () => {
    const failure = new ReplyNotDelivered(503, undefined, 4);
    expect(isReplyNotDelivered(failure)).to.equal(true);
    expect(isReplyNotDelivered(Object.assign(new Error('dialog'), { error: failure }))).to.equal(true);
    expect(isReplyNotDelivered(new Error('other'))).to.equal(false);
    expect(isReplyNotDelivered(undefined)).to.equal(false);
    expect(failure.message).to.equal('reply not delivered after 4 attempt(s) (HTTP 503)');
    const unknown = new ReplyNotDelivered(undefined, 'ECONNRESET', 1, true);
    expect(isReplyNotDelivered(unknown)).to.equal(true);
    expect(unknown.message).to.equal('reply not confirmed after 1 attempt(s), not repeated: it may have been delivered (ECONNRESET)');
  });
});
