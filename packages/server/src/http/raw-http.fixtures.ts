import { connect, type Socket } from 'node:net';

/** One HTTP/1.1 answer as it came off the wire. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Splits the bytes received into answers; content-length framing is all the node's answers use. */
export function parseAnswers(received: string): RawAnswer[] {
  const answers: RawAnswer[] = [];
  let rest = received;
  while (rest.startsWith('HTTP/')) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) break;
    const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? '0');
    const bodyBytes = Buffer.from(rest.slice(end + 4), 'latin1').subarray(0, length);
    answers.push({ status: Number(statusLine.split(' ')[1]), headers, body: bodyBytes.toString('utf8') });
    rest = Buffer.from(rest.slice(end + 4), 'latin1')
      .subarray(length)
      .toString('latin1');
  }
  return answers;
}

/**
 * Sends bytes over a real socket and collects everything until the node closes the connection:
 * inject() never meets Node's HTTP parser, and the parser's errors are what is tested here.
 * A reset after the answer (the node destroys the socket of a request it could not parse) is
 * the end of the exchange, not a failure.
 */
export function exchange(port: number, ...parts: readonly (string | ((socket: Socket) => Promise<void>))[]) {
  return new Promise<RawAnswer[]>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    const finish = () => resolve(parseAnswers(Buffer.concat(chunks).toString('latin1')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', finish);
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') finish();
      else reject(error);
    });
    socket.once('connect', () => {
      void (async () => {
        for (const part of parts) {
          if (typeof part === 'string') socket.write(part, 'latin1');
          else await part(socket);
        }
      })().catch(reject);
    });
  });
}
