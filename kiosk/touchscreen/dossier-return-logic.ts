import type { DossierReturnResult, Language } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';

/** A due date (2026-12-03) as people read it on the slip: 03/12/2026. */
export const slipDate = (day: string): string => {
  const [y, m, d] = day.split('-');
  return y && m && d ? `${d}/${m}/${y}` : day;
};

/**
 * What the kiosk says about an answer that issued no ticket (plain Vietnamese, the due date when
 * known), with the masked code: the next person at the kiosk may read the screen too.
 */
export function returnMessage(lang: Language, result: Exclude<DossierReturnResult, { outcome: 'issued' }>, code: string): string {
  switch (result.outcome) {
    case 'not_ready':
      return result.dossier.dueDate
        ? t(lang, 'kiosk.return.notReadyDue', { code: result.dossier.maskedCode, date: slipDate(result.dossier.dueDate) })
        : t(lang, 'kiosk.return.notReady', { code: result.dossier.maskedCode });
    case 'already_returned':
      return t(lang, 'kiosk.return.alreadyReturned', { code: result.dossier.maskedCode });
    case 'unknown':
      return t(lang, 'kiosk.return.unknown', { code });
    case 'already_queued':
      return t(lang, 'kiosk.return.alreadyQueued', { number: result.number });
  }
}
