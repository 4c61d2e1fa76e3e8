import { describe, expect, it } from 'vitest';
import { CounterInputSchema, type Counter } from '../../protocol/index.ts';
import { addService, counterBody, counterFormOf, counterHints, moveService, newCounterForm, removeService } from '../../admin/counter-form.ts';

const quay4: Counter = {
  id: 'quay-4',
  centreId: 'demo',
  number: 4,
  serviceIds: ['dat-dai', 'xay-dung'],
  callOrder: 'weighted',
  weights: { 'dat-dai': 2 },
  active: true,
};
const quay6: Counter = { ...quay4, id: 'quay-6', number: 6, serviceIds: ['tra-ket-qua'], callOrder: 'ordered', weights: {} };

describe('counter form', () => {
  it('round-trips a counter into the putCounter body', () => {
    const { id: _id, centreId: _c, ...input } = quay4;
    expect(counterBody(counterFormOf(quay4))).toEqual(input);
  });

  it('numbers a new counter after the others', () => {
    expect(newCounterForm([quay4, quay6])).toEqual({ id: 'quay-7', number: '7', serviceIds: [], callOrder: 'fifo', weights: {}, active: true });
  });

  it('moves services up and down, and not past either end', () => {
    let f = addService(counterFormOf(quay4), 'tu-phap');
    expect(f.serviceIds).toEqual(['dat-dai', 'xay-dung', 'tu-phap']);
    f = moveService(f, 2, -1);
    expect(f.serviceIds).toEqual(['dat-dai', 'tu-phap', 'xay-dung']);
    f = moveService(f, 0, 1);
    expect(f.serviceIds).toEqual(['tu-phap', 'dat-dai', 'xay-dung']);
    expect(moveService(f, 0, -1)).toBe(f);
    expect(moveService(f, 2, 1)).toBe(f);
    expect(counterBody(f).serviceIds).toEqual(['tu-phap', 'dat-dai', 'xay-dung']);
  });

  it('adds a service once, and removing it drops its weight', () => {
    const f = counterFormOf(quay4);
    expect(addService(f, 'dat-dai')).toBe(f);
    expect(addService(f, '')).toBe(f);
    const removed = removeService(f, 'dat-dai');
    expect(removed.serviceIds).toEqual(['xay-dung']);
    expect(counterBody(removed).weights).toEqual({});
  });

  it('sends weights other than 1 for its own services only', () => {
    const f = { ...counterFormOf(quay4), weights: { 'dat-dai': '3', 'xay-dung': '1', 'gone': '5' } };
    expect(counterBody(f).weights).toEqual({ 'dat-dai': 3 });
  });

  it('hints a taken number, a bad id and a weight out of range', () => {
    const f = { ...newCounterForm([quay4]), id: 'quay-4', number: '4' };
    expect(counterHints(f, true, [quay4]).map((h) => [h.field, h.key])).toEqual([
      ['counterId', 'admin.hint.idTaken'],
      ['number', 'admin.hint.numberTaken'],
    ]);
    // Editing quay-4 itself keeps its number.
    expect(counterHints(counterFormOf(quay4), false, [quay4, quay6])).toEqual([]);
    const heavy = { ...counterFormOf(quay4), weights: { 'dat-dai': '11', 'xay-dung': '1' } };
    expect(counterHints(heavy, false, [quay4]).map((h) => h.field)).toEqual(['weights.dat-dai']);
  });

  it('agrees with the server schema on numbers and weights', () => {
    const base = counterFormOf(quay4);
    for (const form of [base, { ...base, number: '0' }, { ...base, number: '1000' }, { ...base, number: 'x' }, { ...base, weights: { 'dat-dai': '0' } }]) {
      const valid = CounterInputSchema.safeParse(counterBody(form)).success;
      expect(counterHints(form, false, []).length === 0, JSON.stringify(form)).toBe(valid);
    }
  });
});
