/** The caller's own API tokens: GET /api/tokens, POST /api/tokens (secret shown once), DELETE /api/tokens/:id. */
import { CreateTokenBody, TokenIdParams, type CreatedTokenDto, type TokenDto } from '@suocha/contract';
import { createToken, listTokens, revokeToken, type ApiToken } from '@suocha/services';
import type { Store } from '@suocha/store';
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../errors';
import { requireActor, requirePerson } from './guard';
import { accessHttpError } from './http-errors';
import type { AccessOptions } from './plugin';

const toDto = (t: ApiToken): TokenDto => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
  expiresAt: t.expiresAt,
});

export function tokensRoutes(
  app: FastifyInstance,
  deps: { readonly store: Store },
  options: AccessOptions,
): void {
  const { store } = deps;

  app.get('/api/tokens', async (req): Promise<{ items: TokenDto[] }> => {
    const actor = requireActor(req);
    return { items: (await listTokens(store, { userId: actor.userId })).map(toDto) };
  });

  // Only a logged-in person mints tokens: a leaked token must not be able to make more of itself.
  app.post('/api/tokens', async (req, reply): Promise<CreatedTokenDto> => {
    const actor = requirePerson(req);
    const body = parseInput(CreateTokenBody, req.body, 'token');
    const r = await createToken(
      store,
      actor.userId,
      { name: body.name, expiresInDays: body.expiresInDays ?? null },
      options.now(),
    );
    if (!r.ok) throw accessHttpError(r.error);
    reply.status(201);
    return { token: toDto(r.value.token), secret: r.value.secret };
  });

  app.delete('/api/tokens/:id', async (req, reply) => {
    const actor = requireActor(req);
    const { id } = parseInput(TokenIdParams, req.params, 'token id');
    const r = await revokeToken(store, id, options.now(), actor.userId);
    if (!r.ok) throw accessHttpError(r.error);
    return reply.status(204).send();
  });
}
