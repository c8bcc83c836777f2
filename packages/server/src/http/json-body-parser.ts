import { DomainError } from '@hanoi247/core';
import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';

/**
 * Fastify's own JSON parser reports prototype-poisoning keys as generic bad JSON; this one
 * names them, so a client learns exactly why it was refused. Same library, same limits.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(new DomainError('request/malformed-json', 'the JSON body is empty'), undefined);
      return;
    }
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      const forbidden = /forbidden (prototype|constructor) property/.test(message);
      done(
        forbidden
          ? new DomainError('request/forbidden-key', 'the body contains a forbidden key (__proto__ or constructor)', {
              issues: [{ path: '/', message: 'forbidden key', in: 'body' }],
            })
          : new DomainError('request/malformed-json', 'the body is not valid JSON'),
        undefined,
      );
    }
  });
}
