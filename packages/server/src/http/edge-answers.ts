import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { kindOf, type ErrorCode } from '@hanoi247/core';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './error-handler.js';
import { problem, statusOf } from './problem-details.js';

/**
 * Answers the node gives before any route runs: Node's HTTP parser (headers too large, not
 * HTTP at all, too slow), the router (bad percent-encoding, an over-long path parameter), a
 * host-less HTTP/1.1 request, an `Expect` we do not support, a request that arrives while the
 * node shuts down. Left to Node and Fastify these are plain JSON or empty bodies without the
 * security headers; here each one is RFC 9457 problem details with a stable code, the security
 * headers and a request id, like every other answer.
 */
export interface EdgeAnswerSettings {
  /** The security headers every answer carries (security-headers.ts). */
  readonly headers: Readonly<Record<string, string>>;
  readonly maxHeaderBytes: number;
  readonly requestIds: () => string;
}

interface Edge {
  readonly code: ErrorCode;
  readonly detail: string;
}

/** Node's parser reasons are fixed strings of llhttp, never request bytes; capped all the same. */
function parserReason(error: Error & { reason?: unknown }): string {
  const reason = typeof error.reason === 'string' ? error.reason : '';
  return /^[\x20-\x7e]{1,100}$/.test(reason) ? `: ${reason.toLowerCase()}` : '';
}

function classifyClientError(error: Error & { code?: string }, maxHeaderBytes: number): Edge {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return {
      code: 'request/headers-too-large',
      detail: `the request line and header fields exceed ${maxHeaderBytes} bytes`,
    };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { code: 'request/timeout', detail: 'the request did not arrive in time' };
  }
  return { code: 'request/malformed-http', detail: `the request is not valid HTTP/1.1${parserReason(error)}` };
}

function classifyFrameworkError(error: FastifyError): Edge {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return { code: 'request/bad-url', detail: 'the URL path is not valid percent-encoding' };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { code: 'request/uri-too-long', detail: 'a path segment of the URL is longer than any identifier' };
    default:
      return { code: 'bug/internal', detail: 'an internal error occurred; quote the request id to support' };
  }
}

/** One answer as raw HTTP/1.1, for the parser's errors, which come before any Fastify reply exists. */
function rawAnswer(edge: Edge, requestId: string, headers: Readonly<Record<string, string>>): string {
  const status = statusOf(kindOf(edge.code));
  const body = JSON.stringify(problem(edge.code, kindOf(edge.code), edge.detail, requestId));
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    `x-request-id: ${requestId}`,
    'content-type: application/problem+json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    `date: ${new Date().toUTCString()}`,
    'connection: close',
  ];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

export function edgeAnswers(settings: EdgeAnswerSettings) {
  const { headers, maxHeaderBytes, requestIds } = settings;
  let log: FastifyBaseLogger | null = null;
  let closing = false;
  let rejected: (code: ErrorCode) => void = () => undefined;

  /** Like Node's own handler: answer only while no response of an earlier request is being written. */
  function onClientError(error: Error & { code?: string }, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const edge = classifyClientError(error, maxHeaderBytes);
    const requestId = requestIds();
    log?.warn({ code: edge.code, reqId: requestId, parserCode: error.code }, edge.detail);
    rejected(edge.code);
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (socket.writable && (inFlight === undefined || inFlight === null || !inFlight.headersSent)) {
      socket.write(rawAnswer(edge, requestId, headers));
    }
    socket.destroy(error);
  }

  function onFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
    // No onRequest hook ran for this request, so the headers they set are set here.
    reply.headers(headers).header('x-request-id', request.id);
    const edge = classifyFrameworkError(error);
    rejected(edge.code);
    sendProblem(request, reply, edge.code, edge.detail);
  }

  /** Node answers an unknown expectation with an empty 417 unless someone listens. */
  function onCheckExpectation(request: IncomingMessage, response: ServerResponse): void {
    const requestId = requestIds();
    const edge: Edge = { code: 'request/expectation-failed', detail: 'only "Expect: 100-continue" is supported' };
    log?.warn({ code: edge.code, reqId: requestId }, edge.detail);
    rejected(edge.code);
    const body = JSON.stringify(problem(edge.code, kindOf(edge.code), edge.detail, requestId));
    response.writeHead(statusOf(kindOf(edge.code)), {
      ...headers,
      'x-request-id': requestId,
      'content-type': 'application/problem+json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    response.end(body);
    request.resume();
  }

  return {
    /** Told the code of each answer given outside Fastify's request lifecycle, which its hooks never count. */
    countRejections(count: (code: ErrorCode) => void): void {
      rejected = count;
    },

    /** Options for the Fastify constructor. */
    serverOptions: {
      // Node answers a host-less HTTP/1.1 request itself with an empty 400; the hook below does instead.
      http: { maxHeaderSize: maxHeaderBytes, requireHostHeader: false },
      // Fastify's own 503 while draining is plain JSON; the hook below answers instead.
      return503OnClosing: false,
      clientErrorHandler: onClientError,
      frameworkErrors: onFrameworkError,
    },

    /**
     * The first onRequest hook after the security headers: the request id, then the refusals
     * that need no route. One hook for all three, as each hook costs every request.
     */
    register(app: FastifyInstance): void {
      log = app.log;
      app.server.on('checkExpectation', onCheckExpectation);
      app.addHook('preClose', (done) => {
        closing = true;
        done();
      });
      app.addHook('onRequest', (request, reply, done) => {
        reply.header('x-request-id', request.id);
        if (closing) {
          reply.header('connection', 'close');
          sendProblem(request, reply, 'node/shutting-down', 'the node is shutting down; try again shortly');
          return;
        }
        if (request.headers.host === undefined && request.raw.httpVersion === '1.1') {
          sendProblem(request, reply, 'request/malformed-http', 'an HTTP/1.1 request must send a Host header');
          return;
        }
        done();
      });
    },
  };
}
