import { z } from 'zod';

/**
 * What `GET /api/ready` answers when this server can take traffic: its store answered a trivial
 * read (migrations ran before it listened). A load balancer sends requests only to ready
 * instances (docs/operations.md); not ready is a 503 `store.unavailable` in the one error shape.
 */
export const ReadinessSchema = z
  .object({
    ok: z.literal(true),
    version: z.string().meta({ example: '0.1.0' }),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof ReadinessSchema>;
