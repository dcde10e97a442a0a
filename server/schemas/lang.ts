import { z } from 'zod';
import { LANGS } from '../i18n/lang';

/**
 * `?lang=zh|en` on every route (error messages are text for people too); Accept-Language otherwise (zh by
 * default). Strict: no other query key is accepted, so a typo such as `?schol=` never widens an answer.
 */
export const LangQuery = z.strictObject({
  lang: z.enum(LANGS).optional().describe('Language of the text: zh (default) or en; else Accept-Language'),
});
