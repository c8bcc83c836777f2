import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  fraudClusterListSchema,
  fraudClusterParams,
  fraudClusterViewSchema,
  indicatorParams,
  indicatorRetractionBody,
  indicatorRetractionSchema,
  listFraudClustersQuery,
  purposeHeaderSchema,
  withProblems,
} from '@hanoi247/contract';
import type { FraudClusterService } from '../../services/fraud-cluster.service.js';
import { callContext, purposeOf } from '../call-context.js';

/** The fraud desk's clusters of reports, and retracting an indicator (docs/fraud-clusters.md). */
export const fraudClusterRoutes =
  (clusters: FraudClusterService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['fraud'];

    app.get(
      '/api/v1/fraud/clusters',
      {
        config: { permission: 'fraud-reports:read' },
        schema: {
          tags,
          summary: 'Clusters of fraud reports with their totals, most recent or largest losses first',
          querystring: listFraudClustersQuery,
          response: withProblems({ 200: fraudClusterListSchema }),
        },
      },
      async (request) => clusters.list(callContext(request), request.query),
    );

    app.get(
      '/api/v1/fraud/clusters/:clusterId',
      {
        config: { permission: 'indicators:read' },
        schema: {
          tags,
          summary: 'One cluster: totals, reports, indicators and the report\u2013indicator links (an audited read)',
          params: fraudClusterParams,
          headers: purposeHeaderSchema,
          response: withProblems({ 200: fraudClusterViewSchema }),
        },
      },
      async (request) => clusters.get(callContext(request), request.params.clusterId, purposeOf(request)),
    );

    app.post(
      '/api/v1/fraud/indicators/:indicatorId/retraction',
      {
        config: { permission: 'indicators:retract' },
        schema: {
          tags,
          summary: 'Retract an indicator: it no longer joins reports, and its cluster is split where it held it',
          params: indicatorParams,
          body: indicatorRetractionBody,
          response: withProblems({ 200: indicatorRetractionSchema }),
        },
      },
      async (request) => clusters.retract(callContext(request), request.params.indicatorId, request.body.reason),
    );
  };
