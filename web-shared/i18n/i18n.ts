/**
 * Every user-facing string of the kiosk, console and display. Vietnamese is the default; English
 * is for foreign residents and visitors. DOM-free so the completeness test runs in node.
 * The catalogues themselves live in messages.vi.ts and messages.en.ts.
 */
import type { ErrorCode, Language, LocalizedText } from '../../protocol/index.ts';
import { en } from './messages.en.ts';
import { vi, type MessageKey } from './messages.vi.ts';

export type { MessageKey } from './messages.vi.ts';

/** Errors the front-ends add to the server's codes: the request never got an answer. */
export type ClientErrorCode = ErrorCode | 'network';

export const messages: Record<Language, Record<MessageKey, string>> = { vi, en };

export const LANGUAGES: readonly Language[] = ['vi', 'en'];

/** The text for `key`, with `{name}` placeholders filled from `params`. */
export function t(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = messages[lang][key] ?? messages.vi[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A localized message for an error code; unknown codes read as an internal error. */
export function errorText(lang: Language, code: string): string {
  const key = `error.${code}`;
  return key in vi ? t(lang, key as MessageKey) : t(lang, 'error.internal');
}

/** Picks the language from a `?lang=` value; anything but a known language means Vietnamese. */
export function parseLanguage(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'vi';
}

/** A configured label (service or centre name) in the chosen language. */
export const localized = (text: LocalizedText, lang: Language): string => text[lang] || text.vi;
