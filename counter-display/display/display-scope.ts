/**
 * What one display shows: big centres have several halls, each with its screens, so a display
 * may be limited to some services and counters — by a named profile of the centre's display
 * settings or by its address (display-params.ts). The address wins over the profile. Pure.
 */
import type { Call, CounterView, DisplaySettings, Service } from '../../protocol/index.ts';
import type { DisplayParams, VoiceMode } from './display-params.ts';

export interface DisplayScope {
  /** Null: every service. */
  serviceIds: ReadonlySet<string> | null;
  /** Null: every counter. */
  counterIds: ReadonlySet<string> | null;
  /** Whether this display speaks, by its profile (the centre's switch and `?voice=` come on top). */
  announce: boolean;
  /** `?profile=` named a profile the centre does not have: shown to the technician. */
  unknownProfile: string | null;
}

export const WHOLE_CENTRE: DisplayScope = { serviceIds: null, counterIds: null, announce: true, unknownProfile: null };

const setOrNull = (ids: readonly string[] | null | undefined) => (ids && ids.length > 0 ? new Set(ids) : null);

/** Counter tokens of the address are ids, or numbers ("3" is the counter numbered 3). */
function counterIdsOf(tokens: readonly string[], views: readonly CounterView[]): string[] {
  return tokens.map((t) => (/^\d+$/.test(t) ? (views.find((v) => v.counter.number === Number(t))?.counter.id ?? t) : t));
}

export function resolveScope(
  params: Pick<DisplayParams, 'profile' | 'services' | 'counters'>,
  display: DisplaySettings,
  views: readonly CounterView[],
): DisplayScope {
  const profile = params.profile ? display.profiles.find((p) => p.id === params.profile) : undefined;
  return {
    serviceIds: setOrNull(params.services ?? profile?.serviceIds),
    counterIds: setOrNull(params.counters ? counterIdsOf(params.counters, views) : profile?.counterIds),
    announce: profile?.announce ?? true,
    unknownProfile: params.profile && !profile ? params.profile : null,
  };
}

export const callShown = (scope: DisplayScope, call: Pick<Call, 'serviceId' | 'counterId'>): boolean =>
  (scope.serviceIds === null || scope.serviceIds.has(call.serviceId)) && (scope.counterIds === null || scope.counterIds.has(call.counterId));

/** Counters in use on this display: those named, else those serving a named service, else all. */
export function countersShown(scope: DisplayScope, views: readonly CounterView[]): CounterView[] {
  return views.filter((v) => {
    if (!v.counter.active) return false;
    if (scope.counterIds) return scope.counterIds.has(v.counter.id);
    if (scope.serviceIds) return v.counter.serviceIds.some((s) => scope.serviceIds!.has(s));
    return true;
  });
}

/** Services whose queues this display lists: those named, else those its counters serve, else all. */
export function servicesShown(scope: DisplayScope, services: readonly Service[], views: readonly CounterView[]): Service[] {
  const served = scope.counterIds ? new Set(countersShown(scope, views).flatMap((v) => v.counter.serviceIds)) : null;
  return services.filter((s) => s.active && (scope.serviceIds ? scope.serviceIds.has(s.id) : served ? served.has(s.id) : true));
}

/** How this display sounds: the address decides if it says; else the centre's switch and the profile. */
export function effectiveVoice(asked: VoiceMode | null, display: DisplaySettings, scope: DisplayScope): VoiceMode {
  if (asked) return asked;
  return display.announcement.enabled && scope.announce ? display.announcement.voice : 'off';
}
