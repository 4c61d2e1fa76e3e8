import { describe, expect, it } from 'vitest';
import { PrintJobSchema, type PrintJob } from '../../protocol/bridge.schemas.ts';
import { stack, type Bitmap } from '../../firmware-bridge/printer/bitmap.ts';
import { decodeCp1258 } from '../../firmware-bridge/printer/cp1258.ts';
import { encodeRaster } from '../../firmware-bridge/printer/escpos-raster.ts';
import { encodeText } from '../../firmware-bridge/printer/escpos-text.ts';
import { metricsFor } from '../../firmware-bridge/printer/raster-render.ts';
import { renderJob, type PrinterProfile } from '../../firmware-bridge/printer/render-job.ts';
import { COPY_MARK, jobLayout, splitCopies } from '../../firmware-bridge/printer/ticket-copies.ts';
import { DEFAULT_TEMPLATE, ticketLayout, type LayoutBlock } from '../../firmware-bridge/printer/ticket-layout.ts';
import { cropToInk, inkDifference, readQr, referenceLine, rows } from '../escpos/bitmap-compare.ts';
import { decodeEscPos, type DecodedJob } from '../escpos/decoder.ts';
import { sampleJob } from '../fixtures/print-job.ts';

/**
 * Issue #15: large print and the desk copy, from the layout down to the ESC/POS bytes a printer
 * gets (decoded by the strict test decoder).
 */
const WIDTHS = [
  [58, 384, 32],
  [80, 576, 48],
] as const;

const cp1258 = (blocks: LayoutBlock[], width: number) => decodeEscPos(encodeText(blocks, { commandSet: 'epson', width, mode: 'cp1258', codePage: 52 }).bytes);

/** The decoded text lines of each copy (split at the cuts), each with its size. */
function copiesOf(job: DecodedJob): { text: string; size: [number, number] }[][] {
  const cutsAt = job.commands.flatMap((c, i) => (c.name === 'GS V' ? [i] : []));
  const copies: { text: string; size: [number, number] }[][] = cutsAt.map(() => []);
  for (const line of job.lines) {
    const copy = cutsAt.findIndex((at) => line.at < at);
    if (copy >= 0 && line.bytes.length > 0) copies[copy]!.push({ text: decodeCp1258(line.bytes), size: line.size });
  }
  return copies;
}

/** Raster images between cuts: one picture per copy. */
function rasterCopies(job: DecodedJob): Bitmap[] {
  const groups: Bitmap[][] = [[]];
  let image = 0;
  for (const c of job.commands) {
    if (c.name === 'GS v 0') groups.at(-1)!.push(job.images[image++]!);
    if (c.name === 'GS V') groups.push([]);
  }
  return groups.filter((g) => g.length > 0).map((g) => stack(g));
}

const largeJob = (ticket: Partial<PrintJob['ticket']> = {}) => sampleJob({}, { largePrint: true, ...ticket });

describe('jobLayout: what one job prints', () => {
  it('without the new fields (an older server) is exactly the ticket as before: one copy, one cut, nothing enlarged', () => {
    const job = sampleJob();
    expect(jobLayout(job, DEFAULT_TEMPLATE)).toEqual(ticketLayout(job.ticket, DEFAULT_TEMPLATE));
  });

  it('large print enlarges every line but the number', () => {
    const blocks = jobLayout(largeJob(), DEFAULT_TEMPLATE).filter((b) => b.kind === 'text');
    expect(blocks.filter((b) => b.size === 'huge')).toEqual([expect.objectContaining({ text: 'A025' })]);
    expect(blocks.find((b) => b.size === 'huge')).not.toHaveProperty('enlarged');
    expect(blocks.filter((b) => b.size !== 'huge').every((b) => b.enlarged === true)).toBe(true);
  });

  it('two copies: the citizen ticket, a cut, then the desk copy with its mark and the ticket id, without QR code', () => {
    const job = sampleJob({ reprint: false }, { copies: 2, footer: { vi: 'Hồ sơ 000.00.12.H49-261122-0001', en: 'Dossier 000.00.12.H49-261122-0001' } });
    const copies = splitCopies(jobLayout(job, DEFAULT_TEMPLATE));
    expect(copies).toHaveLength(2);
    expect(copies.map((c) => c.at(-1)!.kind)).toEqual(['cut', 'cut']);
    const texts = (c: LayoutBlock[]) => c.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    expect(texts(copies[0]!)).toContain(`${COPY_MARK.citizen.vi} / ${COPY_MARK.citizen.en}`);
    expect(copies[0]!.some((b) => b.kind === 'qr')).toBe(true);
    expect(copies[1]!.some((b) => b.kind === 'qr')).toBe(false);
    expect(texts(copies[1]!)).toEqual(
      expect.arrayContaining(['LIÊN LƯU TẠI QUẦY', 'Desk copy', 'A025', 'Tư pháp – Hộ tịch', 'Hồ sơ 000.00.12.H49-261122-0001', `Mã phiếu: ${job.ticketId}`]),
    );
  });
});

describe('text mode bytes (cp1258)', () => {
  for (const [paper, width, columns] of WIDTHS) {
    it(`${paper} mm large print: double width and height, wrapped to ${columns / 2} columns, the wait kept with its unit`, () => {
      const plain = cp1258(jobLayout(sampleJob(), DEFAULT_TEMPLATE), width);
      const large = cp1258(jobLayout(largeJob({ estimatedWaitMinutes: 56 }), DEFAULT_TEMPLATE), width);
      const line = (job: DecodedJob, text: string) => job.lines.find((l) => decodeCp1258(l.bytes) === text);

      // The number as large as before; the body a size up.
      expect(line(large, 'A025')!.size).toEqual(line(plain, 'A025')!.size);
      expect(line(plain, 'Số người chờ trước bạn: 3')!.size).toEqual([1, 1]);
      const body = large.lines.filter((l) => decodeCp1258(l.bytes).startsWith('Số người chờ'));
      expect(body[0]!.size).toEqual([2, 2]);
      // English lines double height, full width.
      expect(line(large, 'Scan to follow your turn')!.size).toEqual([1, 2]);
      // The service: triple on 80 mm, double on 58 mm.
      const service = large.lines.find((l) => decodeCp1258(l.bytes).startsWith('Tư pháp'))!;
      expect(service.size).toEqual(paper === 80 ? [3, 3] : [2, 2]);

      // Every line fits the paper at its width (no printer-side wrap), and "khoảng 56 phút" stays whole.
      for (const l of large.lines) expect([...decodeCp1258(l.bytes)].length * l.size[0], decodeCp1258(l.bytes)).toBeLessThanOrEqual(columns);
      const printed = large.lines.map((l) => decodeCp1258(l.bytes));
      expect(printed.some((l) => l.endsWith('khoảng 56 phút'))).toBe(true);
      expect(printed.filter((l) => l.includes('khoảng'))).toEqual(['khoảng 56 phút']);
      // GS ! n with n = 0x11 (double width and height) is really in the bytes.
      expect(large.commands.some((c) => c.name === 'GS !' && c.args[0] === 0x11)).toBe(true);
      expect(large.cuts).toBe(1);
    });
  }

  it('58 mm large print: the lines as wrapped for 16 columns', () => {
    const large = cp1258(jobLayout(largeJob({ estimatedWaitMinutes: 56 }), DEFAULT_TEMPLATE), 384);
    const printed = large.lines.filter((l) => l.size[0] === 2 && l.bytes.length > 0).map((l) => decodeCp1258(l.bytes));
    expect(printed).toEqual(
      expect.arrayContaining(['Giờ lấy số:', '08:15 22/11/2026', 'Số người chờ', 'trước bạn: 3', 'Thời gian chờ dự', 'kiến:', 'khoảng 56 phút']),
    );
  });

  for (const [paper, width] of WIDTHS) {
    it(`${paper} mm two copies: two cuts, the desk mark and ticket id after the first, one QR code before it`, () => {
      const job = sampleJob({}, { copies: 2 });
      const decoded = cp1258(jobLayout(job, DEFAULT_TEMPLATE), width);
      expect(decoded.cuts).toBe(2);
      expect(decoded.commands.at(-1)!.name).toBe('GS V');
      const [citizen, desk] = copiesOf(decoded);
      const cit = citizen!.map((l) => l.text);
      const dsk = desk!.map((l) => l.text);
      expect(cit.join(' ')).toContain('Liên giao công dân / Citizen copy');
      expect(cit).not.toContain('LIÊN LƯU TẠI QUẦY');
      expect(dsk).toEqual(expect.arrayContaining(['LIÊN LƯU TẠI QUẦY', 'Desk copy', 'A025']));
      expect(dsk.join(' ')).toContain(job.ticketId);
      expect(dsk.some((l) => l.includes('Số người chờ'))).toBe(false);
      // The one QR code is the citizen's, printed before the first cut.
      expect(decoded.qr).toEqual([job.ticket.statusUrl]);
      const firstCut = decoded.commands.findIndex((c) => c.name === 'GS V');
      const qrAt = decoded.commands.findIndex((c) => c.name.startsWith('GS ( k') && c.args.includes(0x51));
      expect(qrAt).toBeGreaterThan(0);
      expect(qrAt).toBeLessThan(firstCut);
      // The desk copy is not in large print, even when the citizen's is.
      const both = copiesOf(cp1258(jobLayout(sampleJob({}, { copies: 2, largePrint: true }), DEFAULT_TEMPLATE), width));
      expect(both[0]!.find((l) => l.text.startsWith('Liên giao'))!.size).toEqual([1, 2]);
      expect(both[1]!.find((l) => l.text === 'LIÊN LƯU TẠI QUẦY')!.size).toEqual([1, 1]);
    });
  }
});

describe('raster mode bytes', () => {
  for (const [paper, width] of WIDTHS) {
    it(`${paper} mm large print: the body in the bigger font, as a reference rendering draws it`, () => {
      const m = metricsFor(width);
      const blocks = jobLayout(largeJob(), DEFAULT_TEMPLATE);
      const encoded = encodeRaster(blocks, { commandSet: 'epson', width });
      const raster = decodeEscPos(encoded.bytes).raster!;
      const lines: [string, number, boolean][] = [['Scan to follow your turn', m.largePrint.small, false]];
      // On 58 mm the service wraps at the bigger size: compared on 80 mm only.
      if (paper === 80) lines.push(['Tư pháp – Hộ tịch', m.largePrint.large, true]);
      for (const [text, size, bold] of lines) {
        const index = blocks.findIndex((b) => b.kind === 'text' && b.text === text);
        const place = encoded.raster.placements.find((p) => p.index === index)!;
        const printed = cropToInk(rows(raster, place.top, place.height));
        expect(inkDifference(printed, cropToInk(referenceLine(text, size, bold))), text).toBeLessThan(0.02);
      }
      expect(m.largePrint.large).toBeGreaterThan(m.sizes.large);
      // Taller than the same ticket in normal print, same width, and still a QR code a phone reads.
      const normal = encodeRaster(jobLayout(sampleJob(), DEFAULT_TEMPLATE), { commandSet: 'epson', width });
      expect(raster.width).toBe(width);
      expect(raster.height).toBeGreaterThan(normal.raster.bitmap.height);
      expect(readQr(raster)).toBe(sampleJob().ticket.statusUrl);
    });

    it(`${paper} mm two copies: two images, each fed and cut; the QR code only on the citizen's`, () => {
      const encoded = encodeRaster(jobLayout(sampleJob({}, { copies: 2 }), DEFAULT_TEMPLATE), { commandSet: 'epson', width });
      const decoded = decodeEscPos(encoded.bytes);
      expect(decoded.cuts).toBe(2);
      expect(decoded.commands.filter((c) => c.name === 'ESC d')).toHaveLength(2);
      const copies = rasterCopies(decoded);
      expect(copies).toHaveLength(2);
      expect(encoded.rasters).toHaveLength(2);
      expect(copies.map((c) => c.height)).toEqual(encoded.rasters.map((r) => r.bitmap.height));
      expect(readQr(copies[0]!)).toBe(sampleJob().ticket.statusUrl);
      expect(readQr(copies[1]!)).toBeNull();
      // The preview (simulator) shows both, one under the other.
      expect(encoded.preview().height).toBeGreaterThan(copies[0]!.height + copies[1]!.height);
    });
  }
});

describe('renderJob and the wire', () => {
  const profile: PrinterProfile = { commandSet: 'epson', paperMm: 58, mode: 'cp1258', codePage: 52, template: DEFAULT_TEMPLATE, images: {} };

  it('a job with copies: 2 renders both copies in one byte stream', () => {
    expect(decodeEscPos(renderJob(sampleJob({}, { copies: 2 }), profile).bytes).cuts).toBe(2);
    expect(decodeEscPos(renderJob(sampleJob(), profile).bytes).cuts).toBe(1);
    // The simulator's preview shows both copies, one under the other.
    expect(renderJob(sampleJob({}, { copies: 2 }), profile).preview().height).toBeGreaterThan(renderJob(sampleJob(), profile).preview().height + 200);
  });

  it('the bridge keeps fields it does not know out of the way (an older bridge strips these the same way)', () => {
    const wire = { ...sampleJob(), ticket: { ...sampleJob().ticket, largePrint: true, copies: 2, someFutureField: 'x' }, anotherNewField: 1 };
    const parsed = PrintJobSchema.parse(wire);
    expect(parsed.ticket).not.toHaveProperty('someFutureField');
    expect(parsed).not.toHaveProperty('anotherNewField');
    expect(parsed.ticket.copies).toBe(2);
    expect(() => PrintJobSchema.parse({ ...wire, ticket: { ...wire.ticket, copies: 3 } })).toThrow();
  });
});
