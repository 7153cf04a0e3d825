import { expect } from 'chai';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { BotAuthentication } from '../../src/adapter.js';

const identity = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

describe('BotAuthentication', () => {
  it('makes one UserTokenClient per app identity and reuses it (CloudAdapter asks on every turn)', async () => {
    const auth = new BotAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
    const a1 = await auth.createUserTokenClient(identity('11111111-1111-1111-1111-111111111111'));
    const a2 = await auth.createUserTokenClient(identity('11111111-1111-1111-1111-111111111111'));
    const b = await auth.createUserTokenClient(identity('22222222-2222-2222-2222-222222222222'));
    expect(a2).to.equal(a1);
    expect(b).not.to.equal(a1);
  });
});
