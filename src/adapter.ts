import {
  CloudAdapter,
  type Activity,
  type InvokeResponse,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { resolveLocale, type Translator } from './i18n/index.js';
import { correlationIdOf, TURN_LOCALE } from './turnContextKeys.js';

export interface AdapterDeps {
  config: Config;
  logger: Logger;
  translator: Translator;
  /** Extra Bot Framework auth settings (OpenID metadata URLs, issuers) — used by tests against a local JWKS. */
  authSettings?: Record<string, string>;
}

/** CloudAdapter whose raw processActivity is reachable, so the server decides status codes and bodies itself. */
export class BotAdapter extends CloudAdapter {
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createAdapter({ config, logger, translator, authSettings }: AdapterDeps): BotAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...authSettings,
  };
  const adapter = new BotAdapter(new ConfigurationBotFrameworkAuthentication(options));

  // One failed turn must not cost the user their answers: log, apologise in their language, keep state.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: error, correlationId: correlationIdOf(context), activityType: context.activity.type },
      'turn failed',
    );
    if (context.activity.type !== 'message' && context.activity.type !== 'invoke') return;
    try {
      const t = translator.t(resolveLocale(context.activity.locale, context.turnState.get(TURN_LOCALE), config.DEFAULT_LOCALE));
      await context.sendActivity(t('error.turnFailed'));
    } catch (sendError) {
      logger.warn({ err: sendError, correlationId: correlationIdOf(context) }, 'could not send the apology');
    }
  };
  return adapter;
}
