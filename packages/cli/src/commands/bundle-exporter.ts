import { userInfo } from 'node:os';
import { isCountryCode, operatorPrincipal } from '@hanoi247/core';
import { openNode } from '@hanoi247/server';
import { CliError } from '../cli-error.js';
import { storageConfigFrom, type NodeOptions } from '../node-options.js';
import type { BundleExporterFactory } from './bundle.command.js';

/** The real exporter: the node on the data dir, acting as the operator at its console. */
export const nodeBundleExporter: BundleExporterFactory = async (options: NodeOptions) => {
  if (options.country !== undefined && !isCountryCode(options.country)) {
    throw new CliError(`--country ${options.country} is not an ISO 3166-1 alpha-2 code in capitals, such as VN`);
  }
  const node = await openNode(storageConfigFrom(options, process.env));
  const context = { principal: operatorPrincipal(userInfo().username), requestId: null };
  return {
    export: (order) =>
      node.services.bundles.export(context, {
        ...(order.requestId === undefined ? {} : { requestId: order.requestId }),
        evidenceIds: order.evidenceIds,
        destinationCountry: order.destinationCountry,
        disclosePersonal: order.disclosePersonal,
        outputPath: order.outputPath,
      }),
    close: () => node.close(),
  };
};
