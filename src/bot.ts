import { TeamsActivityHandler, type ConversationState, type TurnContext, type UserState, type StatePropertyAccessor } from 'botbuilder';
import { resolveLocale, type Locale, type Translator } from './i18n/index.js';

export interface UserProfile {
  locale?: Locale;
}

export interface BotDeps {
  conversationState: ConversationState;
  userState: UserState;
  translator: Translator;
  defaultLocale: Locale;
}

/** Foundation bot: answers any message with a localized greeting (the guided check replaces it). */
export class CspMoveBot extends TeamsActivityHandler {
  private readonly profile: StatePropertyAccessor<UserProfile>;

  constructor(private readonly deps: BotDeps) {
    super();
    this.profile = deps.userState.createProperty<UserProfile>('profile');
    this.onMessage(async (context, next) => {
      const t = this.deps.translator.t(await this.localeOf(context));
      await context.sendActivity(t('greeting'));
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context);
    await this.deps.userState.saveChanges(context);
  }

  private async localeOf(context: TurnContext): Promise<Locale> {
    const profile = await this.profile.get(context, {});
    return resolveLocale(context.activity.locale, profile.locale, this.deps.defaultLocale);
  }
}
