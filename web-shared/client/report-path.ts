/** What a report request may carry in its query string (empty values are left out). */
export type ReportQuery = Record<string, string | number | null | undefined>;

const queryOf = (query: ReportQuery): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

/** `/province/reports/centres?…`: every centre the caller may read reports of (issue #13). */
export const provinceReportPath = (query: ReportQuery = {}): string => `/province/reports/centres${queryOf(query)}`;

/** `/centres/<id>/reports/<report>?…`: the API client's request and the reports page's export links. */
export function reportPath(centreId: string, report: string, query: ReportQuery = {}): string {
  return `/centres/${encodeURIComponent(centreId)}/reports/${report}${queryOf(query)}`;
}
