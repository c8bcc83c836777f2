import { z } from 'zod';
import { evidenceMetadataSchema, sanitiseFilename } from '../evidence/evidence-metadata.js';

/**
 * The evidence bundle (docs/protocols/bundle.md): a zip a foreign court or a defence expert
 * verifies offline. `manifest.json` names every other entry with its SHA-256 and is signed by
 * the exporting node (`manifest.jws`); the custody leaves, their proofs and the signed
 * checkpoints tie each file's hash to the node's ledger.
 *
 * Version 2 adds custody that began in another State: for an item this node received, the
 * sending State's custody leaves proved in that State's signed checkpoint, so one chain is
 * checked across the border. Version 1 (no foreign custody) is still written whenever it
 * suffices, so bundles of a node's own evidence stay readable by version 1 verifiers.
 */
export const bundleFormat = 'hanoi247-evidence-bundle';
export const manifestPath = 'manifest.json';
export const manifestSignaturePath = 'manifest.jws';
export const caseUcoPath = 'case-uco.jsonld';

/** Read caps for the small entries: the verifier never holds more than this in memory at once. */
export const entryCaps = {
  manifest: 16 * 1024 * 1024,
  signature: 16 * 1024,
  custody: 64 * 1024 * 1024,
  checkpoint: 64 * 1024,
  receipt: 64 * 1024,
  descriptor: 1024 * 1024,
} as const;

const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256');
const uuid = z.string().regex(uuidText, 'must be a lower-case UUID');
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');
const size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A Merkle hash as the ledger writes it: 32 bytes, standard base64 with padding. */
export const base64Hash = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes of base64');

/** Where each kind of entry lives: the path is a function of what it holds, so nothing is ambiguous. */
export const bundlePaths = {
  file: (sha256: string) => `files/${sha256}`,
  custody: (evidenceId: string) => `custody/${evidenceId}.json`,
  checkpoint: (treeSize: number) => `checkpoints/${treeSize}.note`,
  receipt: (messageId: string) => `receipts/${messageId}.jws`,
  descriptor: (countryCode: string) => `descriptors/${countryCode}.json`,
  /** A sending State's checkpoint: its sizes are of another log, so they get their own folder. */
  partnerCheckpoint: (countryCode: string, treeSize: number) => `checkpoints/${countryCode}/${treeSize}.note`,
  foreignCustody: (evidenceId: string, countryCode: string) => `custody/${evidenceId}.${countryCode}.json`,
} as const;

const entryRef = z.strictObject({ path: z.string().min(1).max(200), sha256: sha256Hex });
/**
 * The custody of an item before it reached the exporter: the State that sent it, the tree size of its checkpoint the
 * leaves are proved in, and the record holding them.
 */
const foreignCustodyRef = entryRef.extend({ country, checkpoint: size.min(1) });

export const bundleItemSchema = z
  .strictObject({
    id: uuid,
    filename: z
      .string()
      .min(1)
      .max(200)
      .refine((name) => sanitiseFilename(name) === name, 'must be a sanitised file name'),
    size,
    sha256: sha256Hex,
    mediaType: z
      .string()
      .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/, 'must be a media type'),
    metadata: evidenceMetadataSchema,
    path: z.string(),
    custody: entryRef,
    /** Version 2: present only for an item received from another State. */
    foreignCustody: foreignCustodyRef.optional(),
  })
  .refine((item) => item.path === bundlePaths.file(item.sha256), {
    message: 'path must be files/<sha256>',
    path: ['path'],
  })
  .refine((item) => item.custody.path === bundlePaths.custody(item.id), {
    message: 'custody path must be custody/<id>.json',
    path: ['custody', 'path'],
  })
  .refine(
    (item) =>
      item.foreignCustody === undefined ||
      item.foreignCustody.path === bundlePaths.foreignCustody(item.id, item.foreignCustody.country),
    {
      message: 'foreign custody path must be custody/<id>.<COUNTRY>.json',
      path: ['foreignCustody', 'path'],
    },
  );
export type BundleItem = z.infer<typeof bundleItemSchema>;

export const bundleRequestSummarySchema = z.strictObject({
  id: uuid,
  reference: z.string().min(1).max(80),
  type: z.string().regex(/^[A-Z][A-Z0-9_]{1,60}$/),
  requestingState: country,
  requestedState: country,
});
export type BundleRequestSummary = z.infer<typeof bundleRequestSummarySchema>;

const checkpointRef = entryRef.extend({ size: size.min(1) }).refine((c) => c.path === bundlePaths.checkpoint(c.size), {
  message: 'path must be checkpoints/<size>.note',
  path: ['path'],
});
const consistencyProof = z.strictObject({ from: size.min(1), to: size.min(1), proof: z.array(base64Hash).max(128) });
const receiptRef = entryRef
  .extend({ messageId: uuid, partner: country, messageType: z.string().min(1).max(80), envelopeDigest: sha256Hex })
  .refine((r) => r.path === bundlePaths.receipt(r.messageId), {
    message: 'path must be receipts/<messageId>.jws',
    path: ['path'],
  });
const partnerCheckpointRef = entryRef
  .extend({ country, size: size.min(1) })
  .refine((c) => c.path === bundlePaths.partnerCheckpoint(c.country, c.size), {
    message: 'path must be checkpoints/<COUNTRY>/<size>.note',
    path: ['path'],
  });
const descriptorRef = entryRef.extend({ country }).refine((d) => d.path === bundlePaths.descriptor(d.country), {
  message: 'path must be descriptors/<country>.json',
  path: ['path'],
});
const annexRef = entryRef
  .extend({ mediaType: z.literal('application/ld+json') })
  .refine((a) => a.path === caseUcoPath, { message: `the only annex is ${caseUcoPath}`, path: ['path'] });

const unique =
  <T>(key: (value: T) => string, what: string) =>
  (values: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    for (const value of values) {
      if (seen.has(key(value))) ctx.addIssue({ code: 'custom', message: `${what} ${key(value)} is listed twice` });
      seen.add(key(value));
    }
  };

export const bundleManifestSchema = z
  .strictObject({
    format: z.literal(bundleFormat),
    v: z.union([z.literal(1), z.literal(2)]),
    id: uuid,
    createdAt: z.iso.datetime(),
    exporter: z.strictObject({ country, node: z.string().min(1).max(120) }),
    /** The State the bundle is prepared for (Art. 36 onward transfer), or null for the exporter's own authorities. */
    destination: country.nullable(),
    request: bundleRequestSummarySchema.nullable(),
    items: z
      .array(bundleItemSchema)
      .min(1)
      .max(100_000)
      .superRefine(unique((i) => i.id, 'item')),
    checkpoints: z
      .array(checkpointRef)
      .min(1)
      .max(100)
      .superRefine(unique((c) => String(c.size), 'checkpoint')),
    consistency: z.array(consistencyProof).max(100),
    receipts: z
      .array(receiptRef)
      .max(100_000)
      .superRefine(unique((r) => r.messageId, 'receipt')),
    descriptors: z
      .array(descriptorRef)
      .min(1)
      .max(200)
      .superRefine(unique((d) => d.country, 'descriptor')),
    annexes: z.array(annexRef).max(1),
    /** Version 2: the sending States' checkpoints the items' foreign custody is proved in. */
    partnerCheckpoints: z
      .array(partnerCheckpointRef)
      .max(10_000)
      .superRefine(unique((c) => `${c.country}/${c.size}`, 'partner checkpoint'))
      .optional(),
  })
  .superRefine((m, ctx) => {
    const foreign = m.items.flatMap((item, i) =>
      item.foreignCustody === undefined ? [] : [{ i, country: item.foreignCustody.country }],
    );
    // A version 1 verifier would not know to check these: a bundle that has them says so in its version.
    if (m.v === 1 && (m.partnerCheckpoints !== undefined || foreign.length > 0)) {
      ctx.addIssue({ code: 'custom', message: 'foreign custody needs a version 2 manifest', path: ['v'] });
    }
    for (const { i, country: from } of foreign) {
      if (from === m.exporter.country) {
        ctx.addIssue({
          code: 'custom',
          message: 'foreign custody must come from another State than the exporter',
          path: ['items', i, 'foreignCustody', 'country'],
        });
      }
    }
    for (const [i, c] of (m.partnerCheckpoints ?? []).entries()) {
      if (c.country === m.exporter.country) {
        ctx.addIssue({
          code: 'custom',
          message: 'the exporter\u2019s own checkpoints are listed under checkpoints',
          path: ['partnerCheckpoints', i, 'country'],
        });
      }
    }
  });
export type BundleManifest = z.infer<typeof bundleManifestSchema>;
export type BundleManifestInput = z.input<typeof bundleManifestSchema>;

/** custody/<evidenceId>.json: the item's custody leaves in chain order, each with its inclusion proof. */
export const custodyFileSchema = z.strictObject({
  v: z.literal(1),
  evidenceId: uuid,
  events: z
    .array(
      z.strictObject({
        leafIndex: size,
        /** The ledger leaf exactly as hashed: canonical JSON text (see custodyLeafData). */
        leaf: z
          .string()
          .min(1)
          .max(1024 * 1024),
        /** Tree size of the checkpoint the proof is against. */
        checkpoint: size.min(1),
        proof: z.array(base64Hash).max(64),
      }),
    )
    .min(1)
    .max(100_000),
  /** Personal parts the exporter chose to disclose, each checked against its commitment. */
  openings: z
    .array(
      z.strictObject({
        eventId: z.string().min(1).max(64),
        salt: z.string().regex(/^[0-9a-f]{64}$/),
        personal: z.looseObject({ actorName: z.string().max(400) }),
      }),
    )
    .max(100_000),
});
export type CustodyFile = z.infer<typeof custodyFileSchema>;

/**
 * custody/<evidenceId>.<COUNTRY>.json: the sending State's custody leaves of the item, oldest
 * first and ending with its transmission to the exporter, each proved in the sending State's
 * checkpoint that the manifest names. Personal openings stay with the State that holds them.
 */
export const foreignCustodyFileSchema = z.strictObject({
  v: z.literal(1),
  /** The item's id at the exporter (the leaves name the sender's own id for it). */
  evidenceId: uuid,
  country,
  events: z
    .array(
      z.strictObject({
        leafIndex: size,
        leaf: z
          .string()
          .min(1)
          .max(1024 * 1024),
        proof: z.array(base64Hash).max(64),
      }),
    )
    .min(1)
    .max(100_000),
});
export type ForeignCustodyFile = z.infer<typeof foreignCustodyFileSchema>;

/** Every path the manifest names (besides itself and its signature). */
export function listedEntries(manifest: BundleManifest): Map<string, string> {
  const listed = new Map<string, string>();
  for (const item of manifest.items) {
    listed.set(item.path, item.sha256);
    listed.set(item.custody.path, item.custody.sha256);
    if (item.foreignCustody !== undefined) listed.set(item.foreignCustody.path, item.foreignCustody.sha256);
  }
  for (const ref of [
    ...manifest.checkpoints,
    ...(manifest.partnerCheckpoints ?? []),
    ...manifest.receipts,
    ...manifest.descriptors,
    ...manifest.annexes,
  ]) {
    listed.set(ref.path, ref.sha256);
  }
  return listed;
}
