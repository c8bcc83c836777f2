import { custodyEventHash, parseCustodyLeaf } from '../evidence/custody-event.js';
import { DomainError } from '../errors/domain-error.js';
import type { JsonValue } from '../support/canonical-json.js';
import type { BundleManifest, CustodyFile, ForeignCustodyFile } from './bundle-manifest.js';

/**
 * The manifest and custody records as a CASE 1.x / UCO 1.x JSON-LD graph, so forensic tools
 * that speak CASE can ingest the bundle: each item is a uco-observable:File with a SHA256
 * uco-types:Hash; each custody event a case-investigation:InvestigativeAction whose result is a
 * ProvenanceRecord and whose object is the previous event's record, so the graph is the chain.
 * Ledger facts CASE has no term for sit in a custom facet (the pattern CASE's examples use).
 * For an item received from another State the chain starts with that State's events, performed
 * by its node and logged in its ledger (the facet says which), then continues with the exporter's.
 */
export const caseUcoContext = {
  kb: 'urn:hanoi247:kb:',
  h247: 'urn:hanoi247:ontology:',
  'case-investigation': 'https://ontology.caseontology.org/case/investigation/',
  'uco-action': 'https://ontology.unifiedcyberontology.org/uco/action/',
  'uco-core': 'https://ontology.unifiedcyberontology.org/uco/core/',
  'uco-identity': 'https://ontology.unifiedcyberontology.org/uco/identity/',
  'uco-observable': 'https://ontology.unifiedcyberontology.org/uco/observable/',
  'uco-types': 'https://ontology.unifiedcyberontology.org/uco/types/',
  'uco-vocabulary': 'https://ontology.unifiedcyberontology.org/uco/vocabulary/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

type Node = { [key: string]: JsonValue };
const ref = (id: string): Node => ({ '@id': id });
const typed = (type: string, value: string | number): Node => ({ '@type': type, '@value': String(value) });

export function caseUcoJsonLd(
  manifest: BundleManifest,
  custody: ReadonlyMap<string, CustodyFile>,
  foreign: ReadonlyMap<string, ForeignCustodyFile> = new Map(),
): { '@context': typeof caseUcoContext; '@graph': Node[] } {
  const graph: Node[] = [];
  const organisations = new Map<string, string>();
  const organisation = (country: string, node: string): string => {
    const key = `${country}/${node}`;
    let id = organisations.get(key);
    if (id === undefined) {
      id = `kb:organization-${country}-${organisations.size + 1}`;
      organisations.set(key, id);
      graph.push({ '@id': id, '@type': 'uco-identity:Organization', 'uco-core:name': `${node} (${country})` });
    }
    return id;
  };
  organisation(manifest.exporter.country, manifest.exporter.node);
  const investigationObjects: Node[] = [];

  for (const item of manifest.items) {
    const fileId = `kb:file-${item.id}`;
    investigationObjects.push(ref(fileId));
    graph.push({
      '@id': fileId,
      '@type': 'uco-observable:File',
      'uco-core:name': item.filename,
      'uco-core:hasFacet': [
        {
          '@id': `kb:file-facet-${item.id}`,
          '@type': 'uco-observable:FileFacet',
          'uco-observable:fileName': item.filename,
          'uco-observable:sizeInBytes': typed('xsd:integer', item.size),
        },
        {
          '@id': `kb:content-data-facet-${item.id}`,
          '@type': 'uco-observable:ContentDataFacet',
          'uco-observable:mimeType': item.mediaType,
          'uco-observable:sizeInBytes': typed('xsd:integer', item.size),
          'uco-observable:hash': [
            {
              '@id': `kb:hash-sha256-${item.id}`,
              '@type': 'uco-types:Hash',
              'uco-types:hashMethod': typed('uco-vocabulary:HashNameVocab', 'SHA256'),
              'uco-types:hashValue': typed('xsd:hexBinary', item.sha256),
            },
          ],
        },
      ],
    });
    const file = custody.get(item.id);
    if (file === undefined) throw new DomainError('bug/invariant-violated', `no custody record for item ${item.id}`);
    const received = foreign.get(item.id);
    if (item.foreignCustody !== undefined && received === undefined) {
      throw new DomainError('bug/invariant-violated', `no foreign custody record for item ${item.id}`);
    }
    // The sender's events first (no checkpoint of the exporter's: theirs is in the ledger facet), then the exporter's.
    const chain = [
      ...(received?.events ?? []).map((e) => ({
        ...e,
        checkpoint: item.foreignCustody!.checkpoint,
        ledger: received!.country,
      })),
      ...file.events.map((e) => ({ ...e, ledger: null })),
    ];
    let previousRecord: string | null = null;
    for (const entry of chain) {
      const event = parseCustodyLeaf(entry.leaf);
      if (event === null) {
        throw new DomainError('bug/invariant-violated', `item ${item.id} has a custody leaf that is not canonical`);
      }
      const recordId = `kb:provenance-record-${event.id}`;
      investigationObjects.push(ref(recordId));
      graph.push({
        '@id': recordId,
        '@type': 'case-investigation:ProvenanceRecord',
        'case-investigation:exhibitNumber': item.id,
        'uco-core:description': `${item.filename} after custody event "${event.type}"`,
        'uco-core:object': [ref(fileId)],
      });
      graph.push({
        '@id': `kb:custody-action-${event.id}`,
        '@type': 'case-investigation:InvestigativeAction',
        'uco-core:name': event.type,
        'uco-core:description':
          `custody event ${event.type} by ${event.actor.type}` +
          (event.actor.role === null ? '' : ` (${event.actor.role})`) +
          ` at ${event.system.node} (${event.system.country})`,
        'uco-action:startTime': typed('xsd:dateTime', event.occurredAt),
        'uco-action:performer': ref(organisation(event.system.country, event.system.node)),
        'uco-action:object': [ref(previousRecord ?? fileId)],
        'uco-action:result': [ref(recordId)],
        'uco-core:hasFacet': [
          {
            '@id': `kb:custody-ledger-facet-${event.id}`,
            '@type': ['h247:CustodyLedgerFacet', 'uco-core:Facet'],
            'h247:eventType': event.type,
            'h247:eventHash': typed('xsd:hexBinary', custodyEventHash(entry.leaf)),
            ...(event.previous === null ? {} : { 'h247:previousEventHash': typed('xsd:hexBinary', event.previous) }),
            'h247:evidenceSha256': typed('xsd:hexBinary', event.evidenceSha256),
            'h247:leafIndex': typed('xsd:integer', entry.leafIndex),
            'h247:checkpointTreeSize': typed('xsd:integer', entry.checkpoint),
            // Only for events logged by another State: whose ledger, and the item's id there.
            ...(entry.ledger === null
              ? {}
              : { 'h247:ledgerCountry': entry.ledger, 'h247:ledgerEvidenceId': event.evidenceId }),
          },
        ],
      });
      previousRecord = recordId;
    }
  }

  if (manifest.request !== null) {
    const r = manifest.request;
    graph.push({
      '@id': `kb:investigation-${r.id}`,
      '@type': 'case-investigation:Investigation',
      'uco-core:name': r.reference,
      'uco-core:description': `Request ${r.reference} (${r.type}) from ${r.requestingState} to ${r.requestedState}`,
      'case-investigation:focus': [r.type],
      'uco-core:object': investigationObjects,
    });
  }
  return { '@context': caseUcoContext, '@graph': graph };
}
