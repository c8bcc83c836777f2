import { citeLegalSource, countryProfiles, deadlineRules, reasonCodesFor, requestTypeCodes, requestTypes, stateMachines } from '@hanoi247/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestService } from '../../services/request.service.js';
import { callContext } from '../call-context.js';
import { withProblems } from '../common.schema.js';

const loose = z.array(z.record(z.string(), z.unknown())).readonly();

/** The legal rules as data, for forms, hints and documentation: what the UI drafts from. */
function requestTypeCatalogue() {
  return requestTypeCodes.map((code) => {
    const type = requestTypes[code];
    return {
      code,
      title: type.title,
      legalSource: citeLegalSource(type.legalSource),
      family: type.family,
      allowedBases: [...type.allowedBases],
      responseKinds: [...type.responseKinds],
      fields: type.fields.map((f) => ({ name: f.name, label: f.label, legalSource: citeLegalSource(f.legalSource), requiredFor: [...f.requiredFor] })),
      refusalGrounds: reasonCodesFor(code, 'refuse').map((r) => ({ code: r.code, title: r.title, legalSource: citeLegalSource(r.legalSource), forbiddenAsSoleGround: r.forbiddenAsSoleGround === true, discretionary: r.discretionary === true })),
    };
  });
}

export const referenceRoutes =
  (requests: RequestService): FastifyPluginAsyncZod =>
  async (app) => {
    const catalogue = requestTypeCatalogue();
    app.get(
      '/api/v1/request-types',
      { config: { permission: 'requests:read' }, schema: { tags: ['reference'], summary: 'Every request type: fields with labels and legal sources, bases, refusal grounds', response: withProblems({ 200: z.object({ requestTypes: loose }) }) } },
      async () => ({ requestTypes: catalogue }),
    );

    app.get(
      '/api/v1/state-machines',
      { config: { permission: 'requests:read' }, schema: { tags: ['reference'], summary: 'States and transitions of each request family', response: withProblems({ 200: z.object({ stateMachines: loose }) }) } },
      async () => ({
        stateMachines: Object.values(stateMachines).map((m) => ({
          family: m.family,
          initial: m.initial,
          states: m.states,
          transitions: m.transitions.map((t) => ({ ...t, legalSource: t.legalSource === undefined ? null : citeLegalSource(t.legalSource) })),
        })),
      }),
    );

    app.get(
      '/api/v1/deadline-rules',
      { config: { permission: 'requests:read' }, schema: { tags: ['reference'], summary: 'The legal clocks as data', response: withProblems({ 200: z.object({ deadlineRules: loose }) }) } },
      async () => ({
        deadlineRules: deadlineRules.map((r) => ({ id: r.id, title: r.title, legalSource: citeLegalSource(r.legalSource), kind: r.kind, appliesTo: r.appliesTo, direction: r.direction, startOn: r.startOn, closeOn: r.closeOn, warnBefore: r.warnBefore, escalateTo: r.escalateTo })),
      }),
    );

    app.get(
      '/api/v1/country-profiles',
      { config: { permission: 'requests:read' }, schema: { tags: ['reference'], summary: 'Languages, reservations and authorities of partner States (illustrative until the directory lands)', response: withProblems({ 200: z.object({ countryProfiles: loose }) }) } },
      async () => ({ countryProfiles: Object.values(countryProfiles).map((p) => ({ ...p, reservations: p.reservations.map((r) => ({ ...r, legalSource: citeLegalSource(r.legalSource) })) })) }),
    );

    app.get(
      '/api/v1/deadlines',
      {
        config: { permission: 'requests:read' },
        schema: {
          tags: ['requests'],
          summary: 'Running legal clocks, nearest first',
          response: withProblems({
            200: z.object({
              deadlines: z.array(z.object({ id: z.string(), requestId: z.string(), reference: z.string(), type: z.string(), ruleId: z.string(), status: z.string(), dueAt: z.string(), warnAt: z.string() })).readonly(),
            }),
          }),
        },
      },
      async (request) => ({ deadlines: await requests.runningDeadlines(callContext(request), 200) }),
    );
  };
