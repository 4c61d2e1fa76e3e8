import { describe, expect, it } from 'vitest';
import type { CentreFact } from '../../../protocol/index.ts';
import { createNotifierRelay } from '../../../server/realtime/relay.ts';
import { recordingNotifier } from '../../fakes/notifier.fake.ts';
import { makeTicket } from '../../fixtures/tickets.ts';

const fact = (seq: number): CentreFact => ({
  type: 'ticket:issued',
  centreId: 'hcm',
  payload: { seq, ticket: makeTicket({ seq }), waiting: {}, estimates: {} },
});

describe('the notifier relay', () => {
  it('drops facts while nobody listens, then forwards to every subscriber in order', () => {
    const relay = createNotifierRelay();
    relay.publish(fact(1));
    const a = recordingNotifier();
    const b = recordingNotifier();
    relay.subscribe(a);
    relay.subscribe(b);
    relay.publish(fact(2));
    relay.publish(fact(3));
    expect(a.facts.map((f) => f.payload.seq)).toEqual([2, 3]);
    expect(b.facts).toEqual(a.facts);
  });

  it('stops forwarding after unsubscribe', () => {
    const relay = createNotifierRelay();
    const a = recordingNotifier();
    const unsubscribe = relay.subscribe(a);
    relay.publish(fact(1));
    unsubscribe();
    relay.publish(fact(2));
    expect(a.facts.map((f) => f.payload.seq)).toEqual([1]);
  });
});
