import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorResponseSchema } from '../../protocol/index.ts';

/** Every sub-app shares one validation hook: bad input is a 400 in the one error shape. */
export function createRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const message = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`).join('; ');
        return c.json({ error: { code: 'request.invalid_payload', message } }, 400);
      }
    },
  });
}

const errorContent = { 'application/json': { schema: ErrorResponseSchema } };

/** The error responses a route declares, by status. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 429)[]) {
  const text = {
    400: 'Invalid request',
    401: 'Not logged in',
    403: 'Not allowed',
    404: 'Not found',
    409: 'Not possible in the current state',
    429: 'Too many requests',
  } as const;
  return Object.fromEntries(statuses.map((s) => [s, { description: text[s], content: errorContent }]));
}

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const jsonOk = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
});
