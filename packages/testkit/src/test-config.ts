import { configDefaults, configSchema, type Config } from '@hanoi247/server';

export interface TestConfigInput {
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  readonly country?: string;
  readonly name?: string;
}

/** A valid configuration with cheap argon2 and silent logs; everything else as in production. */
export function testConfig(input: TestConfigInput, patch: (config: Config) => Config = (c) => c): Config {
  const config = configSchema.parse({
    ...configDefaults,
    dataDir: input.dataDir,
    databaseUrl: input.databaseUrl,
    node: { country: input.country ?? 'VN', name: input.name ?? 'Test node' },
    http: { ...configDefaults.http, port: 0 },
    passwordHashing: { memoryKiB: 8192, iterations: 1 },
    // The limiter runs on real time while tests travel in time; tests of the limit set their own.
    login: { maxAttemptsPerWindow: 1000, windowSeconds: 900 },
    log: { level: 'silent' },
    // Tests drive the legal-clock scanner themselves, with a travelling clock.
    deadlines: { ...configDefaults.deadlines, scanIntervalSeconds: 0 },
    // Tests deliver the outbox themselves (dispatchDue), so every step is observable.
    federation: { ...configDefaults.federation, dispatchIntervalMs: 0 },
    // Tests sequence the ledger themselves (services.ledgerSequencer.sequence()).
    ledger: { ...configDefaults.ledger, sequenceIntervalMs: 0 },
    // Tests run durable jobs themselves (services.jobs.runDue()).
    jobs: { ...configDefaults.jobs, intervalMs: 0 },
  });
  return patch(config);
}
