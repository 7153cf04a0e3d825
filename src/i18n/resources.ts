// Every locale file is bundled at build time, so start-up reads no files and a missing one fails the build.
import enCommon from '../../locales/en/common.json' with { type: 'json' };
import zhCNCommon from '../../locales/zh-CN/common.json' with { type: 'json' };
import zhTWCommon from '../../locales/zh-TW/common.json' with { type: 'json' };

export const NAMESPACES = ['common'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const resources = {
  en: { common: enCommon },
  'zh-CN': { common: zhCNCommon },
  'zh-TW': { common: zhTWCommon },
} as const;
