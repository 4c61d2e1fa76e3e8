import { describe, expect, it } from 'vitest';
import { DisplaySettingsSchema, type Call } from '../../../protocol/index.ts';
import { counterNumberFromPath, readDisplayParams } from '../../../counter-display/display/display-params.ts';
import { callShown, countersShown, effectiveVoice, resolveScope, servicesShown, WHOLE_CENTRE } from '../../../counter-display/display/display-scope.ts';
import { counters, held, services, snapshot } from '../../web-shared/client/centre.fixtures.ts';

const views = snapshot().counters;
const display = DisplaySettingsSchema.parse({
  profiles: [
    { id: 'hall-b', name: 'Sảnh B', serviceIds: ['b'] },
    { id: 'quiet', name: 'Màn hình phụ', counterIds: ['quay-1'], announce: false },
  ],
});
const callAt = (serviceId: string, counterId: string): Pick<Call, 'serviceId' | 'counterId'> => ({ serviceId, counterId });

describe('display params', () => {
  it('reads the counter number from /display/counter/<n>', () => {
    expect(counterNumberFromPath('/display/counter/3')).toBe(3);
    expect(counterNumberFromPath('/display/counter/12/')).toBe(12);
    expect(counterNumberFromPath('/display')).toBeNull();
    expect(counterNumberFromPath('/display/counter/0')).toBeNull();
    expect(counterNumberFromPath('/display/counter/x')).toBeNull();
  });

  it('reads profile, services, counters, voice, layout and calls; ignores junk', () => {
    expect(readDisplayParams('/display', '?profile=hall-b&services=a,%20b,&counters=1,quay-2&voice=silent&layout=portrait&calls=4')).toEqual({
      counterNumber: null,
      profile: 'hall-b',
      services: ['a', 'b'],
      counters: ['1', 'quay-2'],
      voice: 'silent',
      layout: 'portrait',
      calls: 4,
      pageSeconds: null,
    });
    expect(readDisplayParams('/display', '?voice=loud&layout=round&calls=-1&services=')).toEqual({
      counterNumber: null,
      profile: null,
      services: null,
      counters: null,
      voice: null,
      layout: null,
      calls: null,
      pageSeconds: null,
    });
    expect(readDisplayParams('/display', '?calls=50').calls).toBe(9);
    expect(readDisplayParams('/display', '?pageSeconds=3').pageSeconds).toBe(3);
    for (const bad of ['1', '61', '2.5', 'x', '']) expect(readDisplayParams('/display', `?pageSeconds=${bad}`).pageSeconds).toBeNull();
  });
});

describe('display scope', () => {
  it('the whole centre by default', () => {
    const scope = resolveScope(readDisplayParams('/display', ''), display, views);
    expect(scope).toEqual(WHOLE_CENTRE);
    expect(countersShown(scope, views).map((v) => v.counter.id)).toEqual(['quay-1', 'quay-2']);
    expect(servicesShown(scope, services, views).map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('a profile limits services; counters follow the services they serve', () => {
    const scope = resolveScope({ profile: 'hall-b', services: null, counters: null }, display, views);
    expect(callShown(scope, callAt('b', 'quay-2'))).toBe(true);
    expect(callShown(scope, callAt('a', 'quay-2'))).toBe(false);
    expect(countersShown(scope, views).map((v) => v.counter.id)).toEqual(['quay-2']);
    expect(servicesShown(scope, services, views).map((s) => s.id)).toEqual(['b']);
  });

  it('counters by id or number; services follow the counters', () => {
    const scope = resolveScope({ profile: null, services: null, counters: ['1'] }, display, views);
    expect([...scope.counterIds!]).toEqual(['quay-1']);
    expect(callShown(scope, callAt('a', 'quay-1'))).toBe(true);
    expect(callShown(scope, callAt('a', 'quay-2'))).toBe(false);
    expect(servicesShown(scope, services, views).map((s) => s.id)).toEqual(['a']);
  });

  it('the address wins over the profile; an unknown profile shows everything and says so', () => {
    const scope = resolveScope({ profile: 'hall-b', services: ['a'], counters: null }, display, views);
    expect([...scope.serviceIds!]).toEqual(['a']);
    const unknown = resolveScope({ profile: 'nope', services: null, counters: null }, display, views);
    expect(unknown).toEqual({ ...WHOLE_CENTRE, unknownProfile: 'nope' });
  });

  it('leaves out counters switched off', () => {
    const off = [...views, { ...held(3, 'x'), counter: { ...counters[0]!, id: 'quay-3', number: 3, active: false } }];
    expect(countersShown(WHOLE_CENTRE, off).map((v) => v.counter.id)).toEqual(['quay-1', 'quay-2']);
  });

  it('voice: the address decides; else the centre switch and the profile', () => {
    const quiet = resolveScope({ profile: 'quiet', services: null, counters: null }, display, views);
    expect(effectiveVoice(null, display, WHOLE_CENTRE)).toBe('auto');
    expect(effectiveVoice(null, display, quiet)).toBe('off');
    expect(effectiveVoice('silent', display, quiet)).toBe('silent');
    const off = DisplaySettingsSchema.parse({ announcement: { enabled: false } });
    expect(effectiveVoice(null, off, WHOLE_CENTRE)).toBe('off');
    const clips = DisplaySettingsSchema.parse({ announcement: { voice: 'clips' } });
    expect(effectiveVoice(null, clips, WHOLE_CENTRE)).toBe('clips');
  });
});
