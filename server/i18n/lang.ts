/**
 * The languages people read this product's text in: Chinese (the bureau's language) by default,
 * English on request. Every renderer (explanations, import problems, error messages, 公示) takes a Lang.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh';

function asLang(tag: string): Lang | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((l) => l === primary);
}

/**
 * Picks the reader's language.
 *
 * @param explicit `?lang=` on the API or `--lang` on the CLI ("zh", "en", "zh-CN", …); wins when known.
 * @param acceptLanguage the HTTP Accept-Language header, e.g. "en-US,en;q=0.9,zh;q=0.8"; tags are taken
 *   by descending q (ties in written order), the first one we have wins.
 * @returns 'zh' unless something asks for a language we have; never throws.
 * @example pickLang(undefined, 'en-GB,en;q=0.8') // 'en'
 */
export function pickLang(explicit?: string, acceptLanguage?: string): Lang {
  const fromExplicit = explicit === undefined ? undefined : asLang(explicit);
  if (fromExplicit) return fromExplicit;
  if (!acceptLanguage) return DEFAULT_LANG;
  // Bounded: a header is at most a few KB (Node's limit), and we look at the first 32 tags only.
  const tags = acceptLanguage
    .split(',')
    .slice(0, 32)
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((t) => Number.isFinite(t.q) && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of tags) {
    const lang = asLang(tag);
    if (lang) return lang;
  }
  return DEFAULT_LANG;
}
