import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { HttpError, sendError } from './errors';

/** Serves the built web app with a fallback to index.html for client-side routes; /api stays JSON. */
export async function webApp(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  const index = webDir ? join(webDir, 'index.html') : undefined;
  const hasWeb = index !== undefined && existsSync(index);
  if (hasWeb && webDir)
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api' || req.method !== 'GET' || !hasWeb || !index) {
      return sendError(
        reply,
        new HttpError(
          404,
          'NOT_FOUND',
          `没有这个地址 (no such route): ${req.method} ${req.url.split('?')[0]}`,
        ),
      );
    }
    return reply.type('text/html; charset=utf-8').send(readFileSync(index));
  });
}
