/**
 * Small pieces of queue wording shared by the kiosk, the ticket and the status page, so the
 * same wait reads the same everywhere. DOM-free; tested in node (test/web/queue-text.test.ts).
 */
import type { Language, PriorityGroup } from '../../protocol/index.ts';
import { localized, t } from './i18n.ts';

/**
 * "Khoảng 15 phút"; "Sắp đến lượt" for 0 ("about 0 minutes" reads like a bug); null means no
 * open counter serves the service yet, so there is no honest number to give.
 */
export function waitText(lang: Language, minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return t(lang, 'wait.unknown');
  return minutes === 0 ? t(lang, 'wait.soon') : t(lang, 'wait.minutes', { n: minutes });
}

/**
 * The name of a ticket's priority group; a group the centre has since renamed away still shows
 * as plain "Ưu tiên", since the citizen's priority stands. Null when the ticket has none.
 */
export function priorityText(lang: Language, groups: readonly PriorityGroup[], groupId: string | null): string | null {
  if (!groupId) return null;
  const group = groups.find((g) => g.id === groupId);
  return group ? t(lang, 'priority.group', { group: localized(group.name, lang) }) : t(lang, 'priority.mark');
}
