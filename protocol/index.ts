export * from './common.schemas.ts';
export * from './centre.schemas.ts';
export * from './ticket.schemas.ts';
export * from './realtime.schemas.ts';
export * from './events.ts';
export * from './errors.ts';
