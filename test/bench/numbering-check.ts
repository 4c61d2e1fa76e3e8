export interface IssuedNumber {
  serviceId: string;
  businessDay: string;
  seq: number;
  number: string;
}

export interface QueueCheck {
  serviceId: string;
  businessDay: string;
  count: number;
  duplicates: number;
  /** Seqs are exactly 1..count. */
  contiguous: boolean;
}

/**
 * What concurrent issuing must preserve: within a service's business day no number is handed
 * out twice, and none is skipped — a failed issue rolls its number back. Grouped by day because
 * numbering restarts at midnight (centre time), which a run can straddle.
 */
export function checkNumbering(issued: readonly IssuedNumber[]): { queues: QueueCheck[]; ok: boolean } {
  const groups = new Map<string, IssuedNumber[]>();
  for (const t of issued) {
    const key = `${t.serviceId} ${t.businessDay}`;
    const list = groups.get(key) ?? [];
    list.push(t);
    groups.set(key, list);
  }
  const queues = [...groups.values()].map((tickets): QueueCheck => {
    const seqs = tickets.map((t) => t.seq).sort((a, b) => a - b);
    return {
      serviceId: tickets[0]!.serviceId,
      businessDay: tickets[0]!.businessDay,
      count: tickets.length,
      duplicates: tickets.length - new Set(tickets.map((t) => t.number)).size,
      contiguous: seqs.every((seq, i) => seq === i + 1),
    };
  });
  return { queues, ok: queues.every((q) => q.duplicates === 0 && q.contiguous) };
}
