import { ManualClock, type Role } from '@hanoi247/core';
import { buildApp, totpCodeAt, type App, type Config, type Transport } from '@hanoi247/server';
import type { LightMyRequestResponse } from 'fastify';
import type { DestinationStream } from 'pino';
import { createTestDatabase, type Backend, type TestDatabase } from './test-database.js';
import { testConfig } from './test-config.js';

export interface SignedInUser {
  readonly username: string;
  readonly password: string;
  readonly totpSecret: string;
  readonly cookie: string;
  readonly csrfToken: string;
  readonly userId: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions {
  readonly as?: SignedInUser | undefined;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Leave out the CSRF header, to prove it is required. */
  readonly withoutCsrf?: boolean;
}

export interface TestNodeOptions {
  readonly backend?: Backend;
  readonly country?: string;
  readonly name?: string;
  readonly transport?: Transport;
  readonly start?: string;
  readonly logStream?: DestinationStream;
  readonly configure?: (config: Config) => Config;
  /** The live change feed's read interval (BuildAppOptions.liveFeedIntervalMs). */
  readonly liveFeedIntervalMs?: number;
}

/**
 * An in-process node on a fresh database with a manual clock: sign-ins consume TOTP
 * steps, so the clock moves 30 s before each one, as a real officer's would.
 */
export class TestNode {
  private constructor(
    readonly app: App,
    readonly clock: ManualClock,
    readonly database: TestDatabase,
    readonly bootstrapToken: string | null,
    readonly config: Config,
  ) {}

  static async start(options: TestNodeOptions = {}): Promise<TestNode> {
    const database = await createTestDatabase(options.backend);
    const clock = new ManualClock(options.start ?? '2026-11-01T08:00:00Z');
    const config = testConfig(
      {
        ...database,
        ...(options.country === undefined ? {} : { country: options.country }),
        ...(options.name === undefined ? {} : { name: options.name }),
      },
      options.configure,
    );
    let token: string | null = null;
    const app = await buildApp(config, {
      clock,
      ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
      ...(options.transport === undefined ? {} : { transport: options.transport }),
      ...(options.liveFeedIntervalMs === undefined ? {} : { liveFeedIntervalMs: options.liveFeedIntervalMs }),
      onBootstrapToken: (issued) => {
        token = issued;
      },
    });
    return new TestNode(app, clock, database, token, config);
  }

  /** Listens on a free loopback port, so partner nodes can reach it over real HTTP. */
  async listen(): Promise<string> {
    return this.app.listen({ host: '127.0.0.1', port: 0 });
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }

  async call(method: Method, url: string, options: CallOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.as !== undefined) {
      headers['cookie'] = options.as.cookie;
      if (options.withoutCsrf !== true && method !== 'GET') headers['x-csrf-token'] = options.as.csrfToken;
    }
    return this.app.inject({
      method,
      url,
      headers,
      ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
    });
  }

  /** Completes sign-in, enrolling TOTP on first use. Returns the session for later calls. */
  async signIn(username: string, password: string, knownSecret?: string): Promise<SignedInUser> {
    this.clock.advance(30_000);
    let secret = knownSecret;
    let response = await this.call('POST', '/api/v1/auth/login', {
      body: { username, password, ...(secret === undefined ? {} : { totpCode: totpCodeAt(secret, this.clock.now()) }) },
    });
    const body = response.json<{ status?: string; secret?: string; enrolmentToken?: string }>();
    if (body.status === 'totp-enrolment-required' && body.secret !== undefined) {
      const enrolmentSecret = body.secret;
      secret = enrolmentSecret;
      response = await this.call('POST', '/api/v1/auth/totp/enrol', {
        body: { enrolmentToken: body.enrolmentToken, totpCode: totpCodeAt(enrolmentSecret, this.clock.now()) },
      });
    }
    if (response.statusCode !== 200 || secret === undefined) {
      throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
    }
    const cookie = response.cookies.find((c) => c.name.endsWith('h247_session'));
    const signedIn = response.json<{ csrfToken: string; user: { id: string } }>();
    if (cookie === undefined) throw new Error('no session cookie was set');
    return {
      username,
      password,
      totpSecret: secret,
      cookie: `${cookie.name}=${cookie.value}`,
      csrfToken: signedIn.csrfToken,
      userId: signedIn.user.id,
    };
  }

  /** Bootstraps the first administrator and signs them in. */
  async administrator(username = 'admin', password = 'correct horse battery staple'): Promise<SignedInUser> {
    if (this.bootstrapToken === null) throw new Error('this node was already bootstrapped');
    const response = await this.call('POST', '/api/v1/bootstrap', {
      body: { token: this.bootstrapToken, username, displayName: 'First Administrator', password },
    });
    if (response.statusCode !== 201) throw new Error(`bootstrap failed: ${response.statusCode} ${response.body}`);
    return this.signIn(username, password);
  }

  /** Creates a user through the API as `admin` and signs them in. */
  async user(
    admin: SignedInUser,
    username: string,
    roles: readonly Role[],
    password = `${[...username].reverse().join('')} uses a long passphrase`,
  ): Promise<SignedInUser> {
    const response = await this.call('POST', '/api/v1/users', {
      as: admin,
      body: { username, displayName: username, roles, password },
    });
    if (response.statusCode !== 201) {
      throw new Error(`creating ${username} failed: ${response.statusCode} ${response.body}`);
    }
    return this.signIn(username, password);
  }
}
