/**
 * SLA alerts on screens (issue #14, docs/alerts.md), as plain functions tested in node: which
 * alerts a counter's console shows, and how an alert reads.
 */
import type { AlertView, Counter, Language, Service, Snapshot } from '../../protocol/index.ts';
import { t } from '../../web-shared/i18n/i18n.ts';

/** A console shows the alerts of the services its counter serves, and its own counter's. */
export function alertsForCounter(alerts: readonly AlertView[], counter: Pick<Counter, 'id' | 'serviceIds'>): AlertView[] {
  return alerts.filter((a) => (a.counterId !== null ? a.counterId === counter.id : a.serviceId !== null && counter.serviceIds.includes(a.serviceId)));
}

/** The alerts a counter's console shows now, with the counter's services as the live state has them. */
export function alertsAtCounter(state: Pick<Snapshot, 'alerts' | 'counters'>, counter: Pick<Counter, 'id' | 'serviceIds'>): AlertView[] {
  return alertsForCounter(state.alerts ?? [], state.counters.find((v) => v.counter.id === counter.id)?.counter ?? counter);
}

/** Oldest first: the alert that has lasted longest leads. */
export const byRaised = (alerts: readonly AlertView[]): AlertView[] =>
  [...alerts].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id));

/** "Lĩnh vực Hộ tịch: 5 người chờ quá 30 phút (lâu nhất 42 phút)". */
export function alertText(
  lang: Language,
  alert: AlertView,
  services: readonly Pick<Service, 'id' | 'name'>[],
  counters: readonly Pick<Counter, 'id' | 'number'>[],
): string {
  const service = services.find((s) => s.id === alert.serviceId)?.name[lang] ?? alert.serviceId ?? '';
  const counter = counters.find((c) => c.id === alert.counterId)?.number ?? alert.counterId ?? '';
  return t(lang, `alerts.${alert.kind}`, { service, counter, count: alert.count ?? 0, threshold: alert.threshold, value: alert.value });
}
