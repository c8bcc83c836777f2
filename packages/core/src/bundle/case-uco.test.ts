import { describe, expect, it } from 'vitest';
import { parseCustodyLeaf } from '../evidence/custody-event.js';
import { buildBundleFixture } from './bundle.fixtures.js';
import { buildForeignBundleFixture } from './foreign-bundle.fixtures.js';
import { caseUcoPath, custodyFileSchema, type CustodyFile } from './bundle-manifest.js';
import { caseUcoJsonLd } from './case-uco.js';

type Node = Record<string, unknown>;

/** Every compact IRI ("prefix:term") used as a key, a type or an id, so each can be checked against the context. */
function compactIris(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) compactIris(v, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '@context') continue;
      if (!key.startsWith('@')) found.add(key);
      if (key === '@type') for (const t of [v].flat()) found.add(String(t));
      if (key === '@id') found.add(String(v));
      compactIris(v, found);
    }
  }
  return found;
}

describe('CASE/UCO export', () => {
  it(
    'holds every item as a File with its SHA256 hash and every custody event ' + 'as an action in chain order',
    async () => {
      const fixture = await buildBundleFixture();
      const custody = new Map<string, CustodyFile>(
        fixture.manifest.items.map((item) => [
          item.id,
          custodyFileSchema.parse(JSON.parse(fixture.entries.get(item.custody.path)!.toString('utf8'))),
        ]),
      );
      const graph = caseUcoJsonLd(fixture.manifest, custody)['@graph'] as Node[];
      const byId = new Map(graph.map((n) => [n['@id'] as string, n]));
      expect(byId.size).toBe(graph.length);

      for (const item of fixture.manifest.items) {
        const file = byId.get(`kb:file-${item.id}`)!;
        expect(file['@type']).toBe('uco-observable:File');
        expect(JSON.stringify(file)).toContain(
          `"uco-types:hashValue":{"@type":"xsd:hexBinary","@value":"${item.sha256}"}`,
        );
        expect(JSON.stringify(file)).toContain('"@value":"SHA256"');
        let expectedObject = `kb:file-${item.id}`;
        for (const entry of custody.get(item.id)!.events) {
          const event = parseCustodyLeaf(entry.leaf)!;
          const action = byId.get(`kb:custody-action-${event.id}`)!;
          expect(action).toMatchObject({
            '@type': 'case-investigation:InvestigativeAction',
            'uco-core:name': event.type,
            'uco-action:startTime': { '@type': 'xsd:dateTime', '@value': event.occurredAt },
          });
          expect(action['uco-action:object']).toEqual([{ '@id': expectedObject }]);
          expect(byId.get((action['uco-action:performer'] as { '@id': string })['@id'])?.['@type']).toBe(
            'uco-identity:Organization',
          );
          expectedObject = `kb:provenance-record-${event.id}`;
          expect(byId.get(expectedObject)).toMatchObject({
            '@type': 'case-investigation:ProvenanceRecord',
            'uco-core:object': [{ '@id': `kb:file-${item.id}` }],
          });
        }
      }
      expect(graph.filter((n) => n['@type'] === 'case-investigation:InvestigativeAction')).toHaveLength(6);
      expect(byId.get(`kb:investigation-${fixture.manifest.request!.id}`)).toMatchObject({
        'uco-core:name': 'VN-2026-00042',
        'case-investigation:focus': ['PRESERVATION_42'],
      });
    },
  );

  it('is JSON-LD whose every prefix is declared in its context, and is the annex the bundle carries', async () => {
    const fixture = await buildBundleFixture();
    const annex = JSON.parse(fixture.entries.get(caseUcoPath)!.toString('utf8')) as {
      '@context': Record<string, string>;
      '@graph': Node[];
    };
    expect(Object.values(annex['@context']).every((iri) => /^(https?|urn):/.test(iri))).toBe(true);
    for (const iri of compactIris(annex['@graph'], new Set())) {
      const prefix = iri.split(':')[0]!;
      expect(annex['@context'], iri).toHaveProperty(prefix);
    }
    for (const node of annex['@graph']) {
      expect(node['@id']).toMatch(/^kb:/);
      expect(node['@type']).toBeDefined();
    }
    expect(fixture.manifest.annexes).toEqual([
      expect.objectContaining({ path: caseUcoPath, mediaType: 'application/ld+json' }),
    ]);
  });

  it(
    'starts a received item’s chain with the sending State’s events, performed ' +
      'by its node, then continues with the exporter’s',
    async () => {
      const fixture = await buildForeignBundleFixture();
      const graph = (JSON.parse(fixture.entries.get(caseUcoPath)!.toString('utf8')) as { '@graph': Node[] })['@graph'];
      const byId = new Map(graph.map((n) => [n['@id'] as string, n]));
      const actions = graph.filter(
        (n) =>
          n['@type'] === 'case-investigation:InvestigativeAction' &&
          byId.get((n['uco-action:result'] as { '@id': string }[])[0]!['@id'])?.['case-investigation:exhibitNumber'] ===
            fixture.receivedId,
      );
      expect(actions.map((a) => a['uco-core:name'])).toEqual([
        'collected',
        'hashed',
        'sealed',
        'packaged',
        'transmitted',
        'received',
        'hash-verified',
        'sealed',
      ]);
      const performer = (a: Node) =>
        byId.get((a['uco-action:performer'] as { '@id': string })['@id'])?.['uco-core:name'];
      expect(actions.map(performer)).toEqual([
        ...Array<string>(5).fill('Singapore 24/7 (SG)'),
        ...Array<string>(3).fill('Viet Nam 24/7 (VN)'),
      ]);
      // One chain: each action's object is the result of the one before, across the border too.
      for (const [i, action] of actions.entries()) {
        const expected =
          i === 0
            ? `kb:file-${fixture.receivedId}`
            : (actions[i - 1]!['uco-action:result'] as { '@id': string }[])[0]!['@id'];
        expect(action['uco-action:object']).toEqual([{ '@id': expected }]);
      }
      expect(JSON.stringify(actions[4])).toContain('"h247:ledgerCountry":"SG"');
      expect(JSON.stringify(actions[5])).not.toContain('h247:ledgerCountry');
    },
  );
});
