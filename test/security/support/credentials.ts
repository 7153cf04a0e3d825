import { MicrosoftAppCredentials, PasswordServiceClientCredentialFactory, type ServiceClientCredentials } from 'botframework-connector';

/**
 * The configured app id and password decide who we are, as in production, but outbound calls carry
 * `token` (or nothing) instead of a token fetched from Microsoft Entra ID, so tests never leave loopback.
 */
export class OfflineCredentialsFactory extends PasswordServiceClientCredentialFactory {
  constructor(
    appId: string,
    password: string,
    private readonly token?: string,
  ) {
    super(appId, password);
  }

  override async createCredentials(): Promise<ServiceClientCredentials> {
    const token = this.token;
    if (!token) return MicrosoftAppCredentials.Empty;
    return {
      signRequest: async (request) => {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    };
  }
}
