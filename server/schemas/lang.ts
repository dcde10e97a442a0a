import { z } from 'zod';
import { LANGS } from '../i18n/lang';

/** `?lang=zh|en` on every route that returns text for people; Accept-Language otherwise (zh by default). */
export const LangQuery = z.object({
  lang: z.enum(LANGS).optional().describe('Language of the text: zh (default) or en; else Accept-Language'),
});
