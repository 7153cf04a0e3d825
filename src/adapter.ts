import {
  CloudAdapter,
  type Activity,
  type InvokeResponse,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationConstants,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ServiceClientCredentialsFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { resolveLocale, type Locale, type Translator } from './i18n/index.js';
import { correlationIdOf } from './turnContextKeys.js';
import { AuthFailure, assertExpiring, authFailureOf } from './auth/authFailure.js';
import { ConnectorClientCache, connectorRetryPolicy, DEFAULT_RETRY, isReplyNotDelivered, type RetryOptions } from './http/connectorRetry.js';
import type { Telemetry } from './telemetry/index.js';

export interface AdapterDeps {
  config: Config;
  logger: Logger;
  translator: Translator;
  /** Extra Bot Framework auth settings (OpenID metadata URLs, issuers) — used by tests against a local JWKS. */
  authSettings?: Record<string, string>;
  /** Replaces the app-password credentials for outbound calls — tests use it to reach a local fake connector offline. */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Overrides parts of the outbound retry policy (tests inject sleep and random). */
  retry?: Partial<RetryOptions>;
  /** The language to apologise in (the conversation's localeOf); else the Teams client's. */
  localeOf?: (context: TurnContext) => Locale;
  /** Traces and measures turns and connector calls; absent when telemetry is off. */
  telemetry?: Telemetry;
}

/** `Bearer` and a compact JWS (three base64url parts), at most 16 KB: the only Authorization a channel sends. */
const BEARER_JWT = /^Bearer [A-Za-z0-9_-]{1,8192}\.[A-Za-z0-9_-]{1,8192}\.[A-Za-z0-9_-]{0,8192}$/;

/**
 * What botbuilder's parameterized authentication (every mode of ConfigurationBotFrameworkAuthentication
 * builds one) checks for a token given its channel id and service URL. With both empty it checks everything
 * that does not need the activity: signature against the channel's published keys, algorithm, issuer,
 * audience (our app id), lifetime and, for skill and emulator tokens, their own claims. Key endorsements
 * (which need the channel id) and the service URL binding are checked once the body is read.
 */
type HeaderValidator = { JwtTokenValidation_validateAuthHeader?: (authHeader: string, channelId: string, serviceUrl: string) => Promise<ClaimsIdentity> };

/**
 * CloudAdapter that authenticates in a step of its own, so the server can tell "who are you?" (401/503,
 * AuthFailure) from "the turn broke", and whose connector clients retry with our bounded policy.
 */
export class BotAdapter extends CloudAdapter {
  private readonly connectorClients: ConnectorClientCache;

  constructor(
    auth: BotFrameworkAuthentication,
    private readonly options: { authEnabled: boolean; retry: RetryOptions; logger: Logger; telemetry?: Telemetry },
  ) {
    super(auth);
    const retry = connectorRetryPolicy(options.retry, options.logger);
    this.connectorClients = new ConnectorClientCache(options.telemetry?.wrapConnectorPolicy(retry) ?? retry);
  }

  /**
   * The part of authentication that needs no body, for the server to run before it reads one: a caller
   * without a channel token is turned away (AuthFailure) before it can make us buffer, inflate or parse
   * anything. Passing this is necessary, not sufficient: {@link handle} checks the token again with the
   * activity (endorsement for its channel, its service URL). No-op when authentication is off.
   */
  async authenticateHeader(authHeader: string): Promise<void> {
    if (!this.options.authEnabled) return;
    if (!BEARER_JWT.test(authHeader)) throw new AuthFailure('unauthorized', 'malformed Authorization header');
    const inner = (this.botFrameworkAuthentication as unknown as { inner?: HeaderValidator }).inner;
    // Another botbuilder version may not have it: the shape check above stays, the full check follows.
    if (typeof inner?.JwtTokenValidation_validateAuthHeader !== 'function') return;
    let identity: ClaimsIdentity;
    try {
      identity = await inner.JwtTokenValidation_validateAuthHeader(authHeader, '', '');
    } catch (err) {
      throw authFailureOf(err);
    }
    assertExpiring(identity);
  }

  /** Authenticates, then runs the turn. Rejects with AuthFailure before any turn logic when the caller isn't the channel. */
  async handle(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const authenticated = await this.authenticate(authHeader, activity);
    const inner = authenticated.connectorFactory ?? this.botFrameworkAuthentication.createConnectorFactory(authenticated.claimsIdentity);
    const connectorFactory = this.connectorClients.factoryFor(appIdOf(authenticated.claimsIdentity), inner);
    const telemetry = this.options.telemetry;
    if (!telemetry) return this.processActivity({ ...authenticated, connectorFactory }, activity, logic);
    return telemetry.turn(activity, logic, (traced) => this.processActivity({ ...authenticated, connectorFactory }, activity, traced));
  }

  private async authenticate(authHeader: string, activity: Activity): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw authFailureOf(err);
    }
    if (this.options.authEnabled) assertExpiring(result.claimsIdentity);
    return result;
  }
}

/**
 * CloudAdapter asks for a UserTokenClient on every turn, and making one builds a whole HTTP pipeline (about a
 * tenth of a turn, measured by `npm run bench`) that this bot never uses: it has no sign-in. One client per
 * app identity is made, on first use, and reused; it fetches and refreshes its tokens per request itself.
 */
export class BotAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = appIdOf(claimsIdentity);
    let client = this.userTokenClients.get(appId);
    if (!client) {
      client = super.createUserTokenClient(claimsIdentity);
      // A failed creation is not kept: the next turn tries again. Tokens of any other app id are refused at
      // authentication, so the map holds one or two entries; the bound is a guard.
      client.catch(() => this.userTokenClients.get(appId) === client && this.userTokenClients.delete(appId));
      if (this.userTokenClients.size >= 16) this.userTokenClients.clear();
      this.userTokenClients.set(appId, client);
    }
    return client;
  }
}

/** The app botbuilder's connector factory acts as for this request (its rule: audience, else app id claim); '' when unauthenticated. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

export function createAdapter({ config, logger, translator, authSettings, credentialsFactory, retry, localeOf, telemetry }: AdapterDeps): BotAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...authSettings,
  };
  const adapter = new BotAdapter(new BotAuthentication(options, credentialsFactory), {
    authEnabled: Boolean(config.MicrosoftAppId),
    retry: { ...DEFAULT_RETRY, ...retry },
    logger,
    telemetry,
  });

  // One failed turn must not cost the user their answers: log, apologise in their language, keep state.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const correlationId = correlationIdOf(context);
    if (isReplyNotDelivered(error)) {
      // The connector kept refusing our reply; an apology would go the same way. State is saved before
      // replies leave, so the user's next message shows them where they are.
      logger.warn({ correlationId, activityType: context.activity.type, reason: error.message }, 'turn abandoned: reply not delivered');
      return;
    }
    logger.error({ err: error, correlationId, activityType: context.activity.type }, 'turn failed');
    if (context.activity.type !== 'message' && context.activity.type !== 'invoke') return;
    try {
      const t = translator.t(localeOf?.(context) ?? resolveLocale(context.activity.locale, undefined, config.DEFAULT_LOCALE));
      await context.sendActivity(t('error.turnFailed'));
    } catch (sendError) {
      logger.warn({ err: sendError, correlationId }, 'could not send the apology');
    }
  };
  return adapter;
}
