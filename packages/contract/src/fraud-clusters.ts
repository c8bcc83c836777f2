/** Clusters of fraud reports joined by the indicators they share (issue 14 item 4). */
import { z } from 'zod';
import { idSchema, safeText } from './common.js';

export const fraudClusterParams = z.strictObject({ clusterId: idSchema });
export const indicatorParams = z.strictObject({ indicatorId: idSchema });

export const listFraudClustersQuery = z.strictObject({
  /** `last-seen`: the most recently active first; `loss`: the largest VND losses first. */
  sort: z.enum(['last-seen', 'loss']).default('last-seen'),
  /** Clusters of fewer reports are left out: by default a single report is not yet a cluster worth reading. */
  minReports: z.coerce.number().int().min(1).max(1_000_000).default(2),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const counted = z.object({ value: z.string(), reportCount: z.number().int() });

export const fraudClusterSummarySchema = z
  .object({
    id: z.string(),
    reportCount: z.number().int(),
    /** One per report until reports say whether two victims are one person. */
    victimCount: z.number().int(),
    /** The sum of the reports' VND transfers; other currencies are never converted. */
    lossVnd: z.number(),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    /** Provinces as given (unverified), most reports first. */
    provinces: z.array(counted),
    /** Scam type codes, most reports first. */
    scamTypes: z.array(counted),
    updatedAt: z.string(),
  })
  .meta({ id: 'FraudClusterSummary' });

export const fraudClusterListSchema = z
  .object({ clusters: z.array(fraudClusterSummarySchema), total: z.number().int() })
  .meta({ id: 'FraudClusterList' });

export const fraudClusterViewSchema = z
  .object({
    cluster: fraudClusterSummarySchema,
    reports: z.array(
      z.object({
        id: z.string(),
        scamType: z.string(),
        occurredAt: z.string(),
        province: z.string().nullable(),
        lossVnd: z.number(),
      }),
    ),
    /** Every indicator the cluster's reports name; `linking` is false for one that joins nothing (warninglisted). */
    indicators: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        valueDisplay: z.string(),
        status: z.string(),
        reportCount: z.number().int(),
        linking: z.boolean(),
      }),
    ),
    /** The report–indicator graph: each report's link to an indicator, with the role it played. */
    edges: z.array(z.object({ reportId: z.string(), indicatorId: z.string(), role: z.string() })),
  })
  .meta({ id: 'FraudCluster' });

export const indicatorRetractionBody = z.strictObject({ reason: safeText(500).pipe(z.string().min(1)) });

export const indicatorRetractionSchema = z
  .object({
    indicatorId: z.string(),
    status: z.literal('retracted'),
    /** The clusters the retraction left where there was one (empty when none remained; several when it split). */
    clusters: z.array(z.string()),
  })
  .meta({ id: 'IndicatorRetraction' });

type In<S extends z.ZodType> = z.input<S>;
type Out<S extends z.ZodType> = z.output<S>;

export interface FraudClusterOperationTypes {
  listFraudClusters: {
    query: Partial<In<typeof listFraudClustersQuery>>;
    response: Out<typeof fraudClusterListSchema>;
  };
  getFraudCluster: { response: Out<typeof fraudClusterViewSchema> };
  retractIndicator: { body: In<typeof indicatorRetractionBody>; response: Out<typeof indicatorRetractionSchema> };
}
