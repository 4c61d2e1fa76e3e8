import type { AlertReport } from '../protocol/alerts.schemas.ts';
import type { Language } from '../protocol/common.schemas.ts';
import { t } from '../web-shared/i18n/i18n.ts';
import type { TableColumn, TableRow } from './luot-report-table.ts';
import { formatNumber } from './reports-logic.ts';

/** The alerts counted over a period, one row per kind and subject: the Cảnh báo tab and today's on the live view. DOM-free. */
export function alertTable(rows: AlertReport['rows'], lang: Language): { columns: TableColumn[]; rows: TableRow[] } {
  return {
    columns: [
      { label: t(lang, 'alerts.report.kind') },
      { label: t(lang, 'alerts.report.subject') },
      { label: t(lang, 'alerts.report.count'), numeric: true },
      { label: t(lang, 'alerts.report.minutes'), numeric: true },
      { label: t(lang, 'alerts.report.peak'), numeric: true },
    ],
    rows: rows.map((row) => ({
      key: `${row.kind}:${row.serviceId ?? row.counterId}`,
      cells: [
        t(lang, `alerts.kind.${row.kind}`),
        row.name[lang],
        formatNumber(row.count, lang),
        formatNumber(row.minutes, lang),
        formatNumber(row.peakValue, lang),
      ],
    })),
  };
}
