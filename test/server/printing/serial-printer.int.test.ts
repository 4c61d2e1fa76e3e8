import { SerialPortMock } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBridge } from '../../../firmware-bridge/bridge.ts';
import type { OpenSerial, SerialLike } from '../../../firmware-bridge/printer/serial.interface.ts';
import type { IssuedTicket } from '../../../protocol/index.ts';
import { DEMO_TOKENS } from '../../../server/demo/demo-accounts.ts';
import { decodeCp1258 } from '../../../firmware-bridge/printer/cp1258.ts';
import { decodeEscPos, linesText } from '../../escpos/decoder.ts';
import { startTestBridge } from '../../helpers/bridge.ts';
import { startTestServer, type TestServer } from '../../helpers/server.ts';
import { centreClient, connect, type RecordingClient } from '../../helpers/sockets.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

/**
 * A serial printer (RS-232 / USB-serial) through @serialport/binding-mock: the bridge's serial
 * interface under node-thermal-printer, DLE EOT answered on the same line, a cp1258 ticket.
 */
const PATH = '/dev/ttyLUOT0';
let server: TestServer;
let bridge: RunningBridge;
let kiosk: RecordingClient;
let paperOut = false;
const written: Buffer[] = [];
const dir = tempDir('luot-serial');

/** The mock port, answering status queries like an Epson printer and recording the rest. */
const openSerial: OpenSerial = ({ path, baudRate }) => {
  const port = new SerialPortMock({ path, baudRate, autoOpen: false });
  const write = port.write.bind(port);
  (port as unknown as { write: SerialLike['write'] }).write = (data, callback) => {
    const bytes = Buffer.from(data);
    if (bytes[0] === 0x10 && bytes[1] === 0x04) {
      const n = bytes[2];
      const answer = n === 4 ? 0x12 | (paperOut ? 0x60 : 0) : n === 1 ? 0x12 | (paperOut ? 0x08 : 0) : 0x12 | (paperOut ? 0x20 : 0);
      setTimeout(() => port.port?.emitData(Buffer.of(answer)), 5);
    } else written.push(bytes);
    return write(bytes, callback);
  };
  return port as unknown as SerialLike;
};

beforeAll(async () => {
  SerialPortMock.binding.createPort(PATH, { echo: false, record: true });
  server = await startTestServer({}, { PRINT_TIMEOUT_MS: '8000' });
  bridge = await startTestBridge(server.url, dir.path, { interface: { serial: { path: PATH, baudRate: 115200 } }, mode: 'cp1258', width: 58 }, { openSerial });
  kiosk = centreClient(server.url, { centreId: 'demo', token: DEMO_TOKENS.kiosk });
  await connect(kiosk.socket);
});
afterAll(async () => {
  kiosk?.close();
  await bridge?.stop();
  await server?.stop();
  SerialPortMock.binding.reset();
  dir.remove();
});

const issue = async (): Promise<IssuedTicket> => (await server.api('/centres/demo/tickets', { json: { serviceId: 'lao-dong-xa-hoi' }, as: 'kiosk' })).json();
const printStatus = (jobId: string, status: string) =>
  kiosk.waitFor((r) => r.event === 'print:status' && r.payload.id === jobId && r.payload.status === status, { timeoutMs: 10_000 });

describe('a serial printer', () => {
  it('prints the ticket in cp1258 over the serial line', async () => {
    const issued = await issue();
    await printStatus(issued.printJob!.id, 'printed');
    const job = decodeEscPos(Buffer.concat(written));
    expect(job.codePages).toEqual([52]);
    expect(linesText(job, decodeCp1258).join(' ')).toContain('Lao động – Thương binh và Xã hội');
    expect(job.qr[0]).toMatch(new RegExp(`/t/${issued.ticket.id}$`));
    expect(job.cuts).toBe(1);
  });

  it('reads paper out through DLE EOT on the same line', async () => {
    paperOut = true;
    written.length = 0;
    const issued = await issue();
    const failed = await printStatus(issued.printJob!.id, 'failed');
    expect(failed.payload.error.code).toBe('printer.paper_out');
    expect(written).toEqual([]);
    paperOut = false;
  });
});
