import { z } from 'zod';
import { IdSchema } from '../../protocol/index.ts';

const pathId = (name: string) => IdSchema.meta({ param: { name, in: 'path' } });

export const CentreParams = z.object({ centreId: pathId('centreId') });
export const CounterParams = z.object({ centreId: pathId('centreId'), counterId: pathId('counterId') });
export const TicketParams = z.object({ ticketId: pathId('ticketId') });
export const DeviceTokenParams = z.object({ centreId: pathId('centreId'), tokenId: pathId('tokenId') });
export const StaffParams = z.object({ centreId: pathId('centreId'), staffId: pathId('staffId') });
