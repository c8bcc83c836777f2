import type { FastifyRequest } from 'fastify';
import type { CallContext } from '../services/service-runtime.js';

export function callContext(request: FastifyRequest): CallContext {
  return { principal: request.principal, requestId: request.id };
}

export function purposeOf(request: FastifyRequest): string | null {
  const value = request.headers['x-audit-purpose'];
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : null;
}
