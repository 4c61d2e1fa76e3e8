/**
 * The customer-facing rating screen (/rate/<counter id>, issue #5) as plain data: what it shows
 * given the counter's arm and the last rating, its button labels per scale, the page address and
 * a press's idempotency key. DOM-free, tested in node. The rules themselves are the server's
 * (server/queue/rating.models.ts): this screen only shows what the server armed.
 */
import type { Language, PressResult, RatingArmView, RatingGrade, RatingScale, RatingView } from '../../protocol/index.ts';

export type PadPhase = 'idle' | 'armed' | 'thanks';

export interface PadState {
  /** The counter's arm as last heard, with its end by this screen's clock. */
  arm: (RatingArmView & { endsAt: number }) | null;
  /** Shown after a rating, until `until`. */
  thanks: { grade: RatingGrade; until: number } | null;
}

/** How long "Cảm ơn" stays after a rating. */
export const THANKS_MS = 5000;

export const initialPad = (): PadState => ({ arm: null, thanks: null });

/** The arm from getRatingArm or a `rating:armed` fact (relative time: this screen's clock may be off). */
export function withArm(state: PadState, arm: RatingArmView, nowMs: number): PadState {
  if (!arm.armed) return { ...state, arm: null };
  // A new citizen: the thanks of the previous one gives way.
  return { arm: { ...arm, endsAt: nowMs + arm.remainingMs }, thanks: null };
}

/** A `rating:recorded` fact, or the answer to this screen's own press. */
export function withRating(state: PadState, rating: RatingView, counterId: string, nowMs: number): PadState {
  if (rating.counterId !== counterId) return state;
  if (state.arm && state.arm.ticketId !== rating.ticketId) return state; // an older ticket's late keypad press
  return { arm: null, thanks: { grade: rating.grade, until: nowMs + THANKS_MS } };
}

/** After this screen's press: a rating thanks; a refusal (too late, already rated) just disarms. */
export function withPressResult(state: PadState, result: PressResult, counterId: string, nowMs: number): PadState {
  if (result.rating) return withRating(state, result.rating, counterId, nowMs);
  return { ...state, arm: null };
}

export function phaseOf(state: PadState, nowMs: number): PadPhase {
  if (state.thanks && nowMs < state.thanks.until) return 'thanks';
  if (state.arm && nowMs < state.arm.endsAt) return 'armed';
  return 'idle';
}

/** Whole seconds left to rate (for the countdown). */
export const secondsLeft = (state: PadState, nowMs: number): number => (state.arm ? Math.max(0, Math.ceil((state.arm.endsAt - nowMs) / 1000)) : 0);

const LABELS: Record<RatingGrade, Record<Language, string>> = {
  very_satisfied: { vi: 'Rất hài lòng', en: 'Very satisfied' },
  satisfied: { vi: 'Hài lòng', en: 'Satisfied' },
  neutral: { vi: 'Bình thường', en: 'Neutral' },
  dissatisfied: { vi: 'Không hài lòng', en: 'Dissatisfied' },
};

const SCALES: Record<RatingScale, RatingGrade[]> = {
  4: ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'],
  3: ['very_satisfied', 'satisfied', 'dissatisfied'],
};

/** The buttons, leftmost first: level (the keypad's button number), grade and label. */
export function buttonsOf(scale: RatingScale, lang: Language): { level: number; grade: RatingGrade; label: string }[] {
  return SCALES[scale].map((grade, i) => ({ level: i + 1, grade, label: LABELS[grade][lang] }));
}

export const gradeLabel = (grade: RatingGrade, lang: Language): string => LABELS[grade][lang];

export const TEXT = {
  vi: {
    title: 'Đánh giá mức độ hài lòng',
    prompt: 'Ông/bà có hài lòng với việc phục vụ phiếu số {number}?',
    idle: 'Cảm ơn ông/bà đã đến Trung tâm',
    thanks: 'Cảm ơn ông/bà đã đánh giá',
    seconds: 'Còn {n} giây',
    counter: 'Quầy số {n}',
    unpaired:
      'Màn hình này chưa được ghép nối. Quản trị viên tạo thiết bị “Màn hình đánh giá” cho quầy này (Quản trị → Thiết bị) rồi mở địa chỉ ghép nối một lần trên máy này.',
    otherCounter: 'Màn hình này được ghép nối với quầy số {n}, không phải quầy này.',
    failed: 'Chưa gửi được, vui lòng bấm lại.',
  },
  en: {
    title: 'How satisfied are you?',
    prompt: 'Were you satisfied with how ticket {number} was handled?',
    idle: 'Thank you for visiting the centre',
    thanks: 'Thank you for your rating',
    seconds: '{n} s left',
    counter: 'Counter {n}',
    unpaired:
      'This screen is not paired. An admin makes a “Rating screen” device for this counter (Admin → Devices), then opens its pairing address once on this machine.',
    otherCounter: 'This screen is paired with counter {n}, not this one.',
    failed: 'Not sent yet, please press again.',
  },
} as const satisfies Record<Language, Record<string, string>>;

export function text(lang: Language, key: keyof (typeof TEXT)['vi'], params: Record<string, string | number> = {}): string {
  return TEXT[lang][key].replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? ''));
}

/** `/rate/quay-3` → "quay-3"; anything else → null. */
export function counterIdFromPath(pathname: string): string | null {
  const m = /^\/rate\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  return m ? m[1]! : null;
}

/** A fresh idempotency key for one press (the same key is re-sent if the network failed). */
export function pressKey(random: (bytes: Uint8Array) => Uint8Array, nowMs: number): string {
  const hex = [...random(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `screen-${nowMs.toString(36)}-${hex}`;
}
