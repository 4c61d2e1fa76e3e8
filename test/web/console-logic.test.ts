import { describe, expect, it } from 'vitest';
import { allowedActions, pickCounter } from '../../counter-display/console-logic.ts';
import { counters, ticket } from './centre.fixtures.ts';

describe('allowedActions', () => {
  const t = (state: 'called' | 'serving') => ticket({ id: 't1', number: 'A001', state, counterId: 'quay-1' });

  it('only calls the next citizen when the counter is free', () => {
    expect(allowedActions(null)).toEqual({ 'call-next': true, 'start-serving': false, finish: false });
  });

  it('starts or finishes a called ticket', () => {
    expect(allowedActions(t('called'))).toEqual({ 'call-next': false, 'start-serving': true, finish: true });
  });

  it('only finishes a ticket being served', () => {
    expect(allowedActions(t('serving'))).toEqual({ 'call-next': false, 'start-serving': false, finish: true });
  });
});

describe('pickCounter', () => {
  it('returns the remembered counter when it still exists and is active', () => {
    expect(pickCounter(counters, 'quay-2')).toBe('quay-2');
  });

  it('makes the officer choose otherwise', () => {
    expect(pickCounter(counters, null)).toBeNull();
    expect(pickCounter(counters, 'quay-99')).toBeNull();
    expect(pickCounter(counters.map((c) => ({ ...c, active: false })), 'quay-2')).toBeNull();
  });
});
