/**
 * What the admin page's forms share, DOM-free so it is tested in node: reading numbers typed as
 * text, slugs for new ids, form hints, and the fields an API validation error names.
 */
import type { ApiError } from '../web-shared/client/api.ts';
import { errorText, t, type MessageKey } from '../web-shared/i18n/i18n.ts';
import type { Language } from '../protocol/common.schemas.ts';

/**
 * A problem found before sending: which field, named by its path in the request body
 * ("numbering.prefix", "priorityGroups.2.id") like the server's validation errors, and why.
 */
export interface Hint {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** A whole number typed in a text or number input; NaN when it is not one. */
export function intOf(text: string): number {
  const s = text.trim();
  return /^\d{1,9}$/.test(s) ? Number(s) : Number.NaN;
}

/** A hint when `text` is not a whole number within [min, max]. */
export function rangeHint(field: string, text: string, min: number, max: number): Hint | null {
  const n = intOf(text);
  return Number.isInteger(n) && n >= min && n <= max ? null : { field, key: 'admin.hint.range', params: { min, max } };
}

/** Ids are what protocol/common.schemas.ts IdSchema accepts. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** An id from a Vietnamese name: "Hộ chiếu – Đi lại" → "ho-chieu-di-lai". */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** A hint for a new id: missing, malformed, or already used. */
export function idHint(field: string, id: string, taken: readonly string[]): Hint | null {
  if (!ID_PATTERN.test(id)) return { field, key: 'admin.hint.id' };
  if (taken.includes(id)) return { field, key: 'admin.hint.idTaken' };
  return null;
}

export const requiredHint = (field: string, text: string): Hint | null => (text.trim() ? null : { field, key: 'admin.hint.required' });

export const hintsOf = (...hints: (Hint | null)[]): Hint[] => hints.filter((h): h is Hint => h !== null);

/**
 * The body paths a `request.invalid_payload` or `settings.invalid` answer names: the server
 * writes "numbering.prefix: Invalid string; name.vi: Too small" (server/http/router.ts).
 */
export function invalidPaths(error: Pick<ApiError, 'code' | 'message'>): string[] {
  if (error.code !== 'request.invalid_payload' && error.code !== 'settings.invalid') return [];
  const paths = error.message
    .split('; ')
    .map((part) => /^([\w.-]+): /.exec(part)?.[1])
    .filter((p): p is string => p !== undefined && p !== '(body)');
  return [...new Set(paths)];
}

/**
 * The error of an API answer in the page's language, naming the fields it is about with their
 * labels: "Yêu cầu không hợp lệ: Tiền tố". `labels` maps a path or its first segments to a label.
 */
export function apiErrorText(lang: Language, error: Pick<ApiError, 'code' | 'message'>, labels: FieldLabels): string {
  const names = invalidPaths(error).map((path) => fieldLabel(lang, path, labels) ?? path);
  // A numbering conflict names the other service (its id, quoted by the server: admin.usecases.ts).
  const other = error.code === 'service.numbering_conflict' ? /"([^"]+)"/.exec(error.message)?.[1] : undefined;
  if (other) names.push(other);
  const text = errorText(lang, error.code);
  return names.length ? `${text}: ${[...new Set(names)].join(', ')}` : text;
}

/** Labels by body path; a path without its own label takes its nearest parent's. */
export type FieldLabels = Record<string, MessageKey>;

export function fieldLabel(lang: Language, path: string, labels: FieldLabels): string | null {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n--) {
    const key = labels[segments.slice(0, n).join('.')];
    if (key) return t(lang, key);
  }
  return null;
}

/** A hint as one line: "Tiền tố: 1–2 chữ cái in hoa (A, B, HC…)". */
export function hintText(lang: Language, hint: Hint, labels: FieldLabels): string {
  const label = fieldLabel(lang, hint.field, labels);
  const text = t(lang, hint.key, hint.params);
  return label ? `${label}: ${text}` : text;
}

/** Whether a field (or one inside it) has a hint: its input is marked aria-invalid. */
export const hasHint = (hints: readonly Hint[], field: string): boolean => hints.some((h) => h.field === field || h.field.startsWith(`${field}.`));
