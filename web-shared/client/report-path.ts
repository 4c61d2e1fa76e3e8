/** What a report request may carry in its query string (empty values are left out). */
export type ReportQuery = Record<string, string | number | null | undefined>;

/** `/centres/<id>/reports/<report>?…`: the API client's request and the reports page's export links. */
export function reportPath(centreId: string, report: string, query: ReportQuery = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `/centres/${encodeURIComponent(centreId)}/reports/${report}${s ? `?${s}` : ''}`;
}
