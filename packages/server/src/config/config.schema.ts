import {
  defaultBilateralGrounds,
  isCountryCode,
  isIanaZone,
  orderTypeCodes,
  refusalReasonCodes,
  utcZone,
} from '@hanoi247/core';
import { z } from 'zod';

/** Whole numbers from flags and environment arrive as digits; anything else (even '') is refused. */
const integer = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v),
    z.number().int().min(min).max(max),
  );
const port = integer(0, 65535);
const positiveSeconds = integer(1, 10 * 365 * 86_400);
// A strict boolean, not a coerced one: Boolean('0') and Boolean('no') are true, and an empty variable
// (read as null) would turn into false. The loader turns "true"/"false" into booleans; the rest is refused.
const flag = z.boolean();

/**
 * One directory contact. A provider calls it back before acting on an emergency order, so the
 * number it reads in the order must be the one the directory publishes (verify-order checks).
 * `username` stays in the node: the descriptor publishes the rest.
 */
export const rosterEntrySchema = z.strictObject({
  role: z.string().trim().min(1).max(80),
  name: z.string().trim().min(1).max(120),
  phone: z
    .string()
    .regex(/^\+[1-9][0-9 ]{6,20}$/, 'must be an international number such as +84 24 3936 0000')
    .max(40)
    .optional(),
  email: z.email().max(200).optional(),
  username: z.string().min(1).max(100).optional(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/**
 * The node's whole configuration. Every field documents itself here; the README's
 * configuration table is written from these descriptions.
 */
export const configSchema = z.strictObject({
  dataDir: z.string().min(1).describe('Directory for the SQLite database, keys and evidence (created with mode 0700).'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .nullable()
    .describe('PostgreSQL connection URL. When null the embedded SQLite database in dataDir is used.'),
  node: z.strictObject({
    country: z
      .string()
      .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code in capitals, such as VN, SG or FR')
      .describe('ISO 3166-1 alpha-2 code of the State this node serves.'),
    name: z.string().trim().min(1).max(120).describe('Human-readable node name shown to partners.'),
    timeZone: z
      .string()
      .refine(isIanaZone, 'must be an IANA time zone such as Asia/Ho_Chi_Minh, Europe/Paris or UTC (not an offset)')
      .default(utcZone)
      .describe(
        'IANA time zone whose calendar counts the node\u2019s legal days: a period ' +
          'of N days ends at the same wall-clock time N dates later, across daylight ' +
          'saving (ADR 0011); hours are absolute.',
      ),
    roster: z
      .array(rosterEntrySchema)
      .max(50)
      .default([])
      .describe(
        'The directory roster the node publishes in its descriptor (role, name, ' +
          'phone, email); `username` ties an entry to the officer whose emergency ' +
          'orders name it as the call-back contact. Empty: a single duty-desk entry without phone.',
      ),
  }),
  http: z.strictObject({
    host: z.string().min(1).describe('Interface to listen on.'),
    port: port.describe('TCP port to listen on (0 picks a free port).'),
    publicUrl: z.url().nullable().describe('External URL of the node, as partners and browsers reach it.'),
    bodyLimitBytes: integer(1024, 64 * 1024 * 1024).describe('Largest accepted JSON body.'),
    trustProxy: flag.describe('Trust X-Forwarded-* from a reverse proxy that terminates TLS.'),
    maxHeaderBytes: integer(4096, 1024 * 1024).describe(
      'Largest request line and header fields together; larger requests get 431 before any route runs.',
    ),
  }),
  session: z.strictObject({
    idleTimeoutSeconds: positiveSeconds.describe('A session ends after this long without a request.'),
    absoluteTimeoutSeconds: positiveSeconds.describe('A session ends this long after sign-in, whatever its use.'),
    secureCookie: flag.describe('Mark the session cookie Secure (keep true outside tests over plain HTTP).'),
  }),
  login: z.strictObject({
    maxAttemptsPerWindow: integer(1, 1000).describe(
      'Sign-in attempts allowed per client address and username per window.',
    ),
    windowSeconds: positiveSeconds.describe('Length of the sign-in rate-limit window.'),
  }),
  passwordHashing: z.strictObject({
    memoryKiB: integer(8192, 1048576).describe('argon2id memory cost in KiB (OWASP minimum 19456).'),
    iterations: integer(1, 10).describe('argon2id time cost.'),
  }),
  deadlines: z.strictObject({
    acknowledgeUrgentHours: z
      .preprocess(
        (v) => (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v),
        z.number().positive().max(72),
      )
      .describe('Service level to acknowledge an emergency or urgent request, in hours.'),
    acknowledgeStandardHours: z
      .preprocess(
        (v) => (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v),
        z.number().positive().max(720),
      )
      .describe('Service level to acknowledge any other request, in hours.'),
    writtenConfirmationHours: z
      .preprocess(
        (v) => (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v),
        z.number().positive().max(720),
      )
      .describe('Time to confirm an urgent oral request in writing, in hours.'),
    scanIntervalSeconds: integer(0, 3600).describe(
      'How often the legal clocks are scanned; 0 turns the scanner off (tests drive it).',
    ),
  }),
  federation: z.strictObject({
    acceptsInbound: z
      .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean())
      .describe('False for a node that cannot accept inbound connections: it pulls its messages from partners.'),
    messageTtlHours: integer(1, 24 * 30).describe(
      'How long an envelope stays valid; the receiver refuses it afterwards.',
    ),
    keyOverlapDays: integer(0, 90).describe('How long a rotated-out key still verifies and decrypts messages.'),
    dispatchIntervalMs: integer(0, 600_000).describe(
      'How often the outbox dispatcher runs (0: only when woken; tests drive it).',
    ),
    maxAttempts: integer(1, 100).describe('Delivery attempts before a message is shown as a delivery failure.'),
    retryBaseSeconds: integer(1, 3600).describe('First retry delay; doubles each attempt, with jitter.'),
    retryMaxSeconds: integer(1, 86_400).describe('Longest delay between two attempts.'),
    sendLeaseSeconds: integer(1, 3600).describe(
      'How long a run holds a message it is sending: well beyond one send ' +
        '(the outbound request gives up after 30 s), ' +
        'so only a process that died mid-send leaves a claim, and its message goes out this long after.',
    ),
  }),
  jobs: z.strictObject({
    intervalMs: integer(0, 600_000).describe(
      'How often due durable jobs (effects promised by a commit) are run, besides ' +
        'at once after the commit (0: off; tests drive it).',
    ),
    leaseSeconds: integer(1, 3600).describe(
      'How long a claimed job is held: a process that dies holding one leaves it to the next run after this.',
    ),
    maxAttempts: integer(1, 100).describe('Runs of a job before its failure is shown to the officer.'),
    retryBaseSeconds: integer(1, 3600).describe(
      'First delay before a failed job runs again; doubles each time, with jitter.',
    ),
    retryMaxSeconds: integer(1, 86_400).describe('Longest delay between two runs of a job.'),
  }),
  evidence: z.strictObject({
    encryptAtRest: flag.describe(
      'Seal each evidence item with its own AES-256-GCM key, wrapped by <dataDir>/keys/storage.key.',
    ),
    // AES-GCM allows at most 2^36 - 32 bytes under one key and nonce (NIST SP 800-38D).
    maxUploadBytes: integer(1, 2 ** 36 - 32).describe(
      'Largest evidence item accepted, by upload or CLI (at most 64 GiB, the AES-GCM limit).',
    ),
    maxOpenUploadsPerUser: integer(1, 1000).describe('Resumable uploads one user may have open at once.'),
    uploadExpiryHours: integer(1, 24 * 30).describe(
      'An upload with no new bytes for this long expires and its partial content is removed.',
    ),
  }),
  orders: z.strictObject({
    lapseReminderDays: integer(1, 60).describe(
      'Days before a domestic preservation order lapses that the officer is reminded; ' +
        'a pending follow-up MLA renews it then.',
    ),
    clocks: z
      .partialRecord(
        z.enum(orderTypeCodes),
        z.strictObject({
          acknowledgeHours: z.number().positive().max(720).optional(),
          acknowledgeEmergencyHours: z.number().positive().max(72).optional(),
          fulfilHours: z
            .number()
            .positive()
            .max(24 * 90)
            .optional(),
          fulfilEmergencyHours: z.number().positive().max(72).optional(),
        }),
      )
      .describe(
        'Per order type, the provider\u2019s acknowledgement and fulfilment service ' +
          'levels in hours (standard and emergency); absent ones keep the defaults.',
      ),
    maxProductionBytes: integer(1, 2 ** 36 - 32).describe('Largest single production file a provider may deliver.'),
    maxProductionItemsPerOrder: integer(1, 10_000).describe('Production files one order accepts.'),
  }),
  ledger: z.strictObject({
    sequenceIntervalMs: integer(0, 600_000).describe(
      'How often queued leaves are sequenced into a signed checkpoint (0: off; tests drive it).',
    ),
    batchSize: integer(1, 65_536).describe(
      'Most leaves one sequencer run adds to the log; a full batch runs again at once.',
    ),
  }),
  legal: z.strictObject({
    bilateralGrounds: z
      .array(
        z.string().refine((code) => refusalReasonCodes.includes(code), {
          error: `must be one of ${refusalReasonCodes.join(', ')}`,
        }),
      )
      .max(refusalReasonCodes.length)
      .refine((codes) => new Set(codes).size === codes.length, 'must not repeat a ground')
      .describe(
        'Refusal grounds the bilateral treaties this node applies allow (reason ' +
          'codes); each is offered only for the request types it can concern.',
      ),
  }),
  fraud: z.strictObject({
    proofOfWorkBits: integer(1, 32).describe(
      'Leading zero bits the public report form\u2019s proof-of-work must find (each bit doubles the work).',
    ),
    citizenReportsPerHour: integer(1, 10_000).describe(
      'Citizens\u2019 reports and additions per client address per hour.',
    ),
  }),
  log: z.strictObject({
    level: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .describe('Log level of the JSON logs.'),
  }),
  web: z.strictObject({
    root: z.string().nullable().describe('Directory of the built web app to serve at /, or null for none.'),
    defaultLanguage: z
      .enum(['vi', 'en'])
      .nullable()
      .describe(
        'Language the web app opens in for a user who has not chosen one; null: ' +
          'the browser\u2019s language, else Vietnamese.',
      ),
  }),
});

export type Config = z.infer<typeof configSchema>;

/** The same schema without the node's identity, which maintenance commands may not know. */
export const storageConfigSchema = configSchema.extend({ node: z.unknown().optional() });
export type StorageConfig = Omit<Config, 'node'>;

export const configDefaults = {
  databaseUrl: null,
  http: {
    host: '127.0.0.1',
    port: 8247,
    publicUrl: null,
    bodyLimitBytes: 1024 * 1024,
    trustProxy: false,
    maxHeaderBytes: 16 * 1024,
  },
  session: { idleTimeoutSeconds: 30 * 60, absoluteTimeoutSeconds: 12 * 60 * 60, secureCookie: true },
  login: { maxAttemptsPerWindow: 10, windowSeconds: 15 * 60 },
  passwordHashing: { memoryKiB: 19456, iterations: 2 },
  deadlines: {
    acknowledgeUrgentHours: 1,
    acknowledgeStandardHours: 24,
    writtenConfirmationHours: 24,
    scanIntervalSeconds: 30,
  },
  federation: {
    acceptsInbound: true,
    messageTtlHours: 72,
    keyOverlapDays: 7,
    dispatchIntervalMs: 1000,
    maxAttempts: 50,
    retryBaseSeconds: 2,
    retryMaxSeconds: 900,
    sendLeaseSeconds: 120,
  },
  jobs: { intervalMs: 1000, leaseSeconds: 120, maxAttempts: 20, retryBaseSeconds: 5, retryMaxSeconds: 3600 },
  evidence: { encryptAtRest: true, maxUploadBytes: 16 * 1024 ** 3, maxOpenUploadsPerUser: 10, uploadExpiryHours: 24 },
  orders: { lapseReminderDays: 10, clocks: {}, maxProductionBytes: 4 * 1024 ** 3, maxProductionItemsPerOrder: 50 },
  ledger: { sequenceIntervalMs: 500, batchSize: 4096 },
  legal: { bilateralGrounds: [...defaultBilateralGrounds] },
  fraud: { proofOfWorkBits: 16, citizenReportsPerHour: 10 },
  log: { level: 'info' },
  web: { root: null, defaultLanguage: null },
} as const;
