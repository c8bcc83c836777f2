import { deadlineRules } from '../requests/deadlines/deadline-rules.js';
import { defaultBilateralGrounds, groundRules, groundsFor } from '../requests/ground-rules.js';
import { citeLegalSource, isVerified, legalBases, type LegalSource } from '../requests/legal-source.js';
import { stateMachines } from '../requests/machines/registry.js';
import { requestTypeCodes, type RequestTypeCode } from '../requests/request-type-codes.js';
import { requestTypes } from '../requests/types/registry.js';
import { allLegalSources } from './legal-sources.js';
import { ruleSetVersion } from './rule-set.js';

/** A test file of the repository: its path from the root and its text. */
export interface TestFile {
  readonly path: string;
  readonly text: string;
}

/** Chapter V of the UN Convention, in the brief's words (paraphrased, not the official titles). */
const chapterFive: readonly (readonly [number, string])[] = [
  [35, 'general principles of international cooperation'],
  [36, 'protection of personal data'],
  [37, 'extradition'],
  [38, 'transfer of sentenced persons'],
  [39, 'transfer of criminal proceedings'],
  [40, 'mutual legal assistance: general principles and procedures'],
  [41, '24/7 network'],
  [42, 'expedited preservation of stored electronic data'],
  [43, 'expedited disclosure of preserved traffic data'],
  [44, 'mutual legal assistance in accessing stored electronic data'],
  [45, 'mutual legal assistance in the real-time collection of traffic data'],
  [46, 'mutual legal assistance in the interception of content data'],
  [47, 'law enforcement cooperation'],
  [48, 'joint investigations'],
  [49, 'mechanisms for the recovery of property through international cooperation in confiscation'],
  [50, 'international cooperation for purposes of confiscation'],
  [51, 'special cooperation (spontaneous information on proceeds)'],
  [52, 'return and disposal of confiscated proceeds or property'],
];

/** "UN 42(5)", "Budapest 29(5)(a)": the citation without the instrument's full name or its marker. */
function short(source: LegalSource): string {
  return citeLegalSource(source)
    .replace(' [unverified]', '')
    .replace('UN Convention against Cybercrime art. ', 'UN ')
    .replace('Budapest Convention art. ', 'Budapest ');
}

const isArticle = (source: LegalSource | undefined, article: number): boolean =>
  source?.instrument === 'UN' && source.article === String(article);
const list = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));
const code = (text: string): string => `\`${text}\``;

function verifiedSection(): string[] {
  const located = allLegalSources();
  // The same citation held in several places counts once: same instrument, paragraph, note and reading.
  const distinct = [...new Map(located.map((l) => [JSON.stringify(l.source), l.source])).values()];
  const verified = distinct.filter(isVerified);
  const unVerified = verified.filter((s) => s.instrument === 'UN').length;
  const lines = [
    '## Citations verified against an official text',
    '',
    `**${verified.length}** citations are marked verified, of ${distinct.length} ` +
      `distinct citations held in ${located.length} places. ` +
      'A citation is marked verified only with the official text, the paragraph, a quotation, who read it and when ' +
      '(`legal-sources.test.ts` fails otherwise); these are all the citations checked against an official text.',
    '',
    unVerified === 0
      ? 'No UN citation is verified: the official text (A/RES/79/243, annex) has ' +
        'not been read. Its paragraph numbers ' +
        'follow the model in `packages/core/src/requests/un-numbering.ts` and print as "[unverified]".'
      : `${unVerified} UN citations are verified against A/RES/79/243, annex.`,
    '',
    '| Citation | Paragraph in the official text | Quotation | Verified by, on |',
    '|---|---|---|---|',
  ];
  for (const source of verified.sort((a, b) => short(a).localeCompare(short(b), 'en', { numeric: true }))) {
    const v = source.verification;
    if (v === undefined) continue;
    lines.push(`| ${short(source)} | ${v.paragraph} | "${v.quote}" | ${v.verifiedBy}, ${v.verifiedOn} |`);
  }
  const officialTexts = [...new Set(verified.map((s) => s.verification?.officialText ?? ''))];
  return [...lines, '', `Official text${officialTexts.length === 1 ? '' : 's'}: ${list(officialTexts)}.`, ''];
}

function groundsOfType(type: RequestTypeCode): string[] {
  return requestTypes[type].allowedBases.map((basis) => {
    const grounds = groundsFor(type, basis, 'refuse').map(
      (g) => `${g.definition.code} (${basis === 'UN' || basis === 'BUDAPEST' ? short(g.legalSource) : 'listed'})`,
    );
    const label = basis === 'BILATERAL' ? 'BILATERAL (default list)' : basis;
    return `  - ${code(type)} on ${label}: ${list(grounds)}`;
  });
}

function testsOf(article: number, types: readonly RequestTypeCode[], tests: readonly TestFile[]): string[] {
  const cited = new RegExp(`(\\b[Aa]rt(?:icles?|s?\\.?)\\s*|Điều\\s*)${article}(?![\\d])`);
  return tests
    .filter((t) => cited.test(t.text) || types.some((type) => new RegExp(`\\b${type}\\b`).test(t.text)))
    .map((t) => code(t.path));
}

function articleSection(article: number, topic: string, tests: readonly TestFile[]): string[] {
  const types = requestTypeCodes.filter((t) => isArticle(requestTypes[t].legalSource, article));
  const families = [...new Set(types.map((t) => requestTypes[t].family))];
  const transitions = Object.values(stateMachines).flatMap((m) =>
    m.transitions
      .filter((t) => isArticle(t.legalSource, article))
      .map((t) => `${code(t.action)} (${m.family}, ${t.legalSource === undefined ? '' : short(t.legalSource)})`),
  );
  const fields = requestTypeCodes.flatMap((t) => {
    const citing = requestTypes[t].fields.filter((f) => isArticle(f.legalSource, article));
    return citing.length === 0 ? [] : [`${code(t)} (${citing.length})`];
  });
  const groundsCited = groundRules
    .filter((r) => isArticle(r.source, article))
    .map((r) => `${r.grounds.join(', ')} (${short(r.source)}) for ${r.types.map(code).join(', ')}`);
  const appliesToItsTypes = (applies: readonly RequestTypeCode[] | 'all') =>
    types.some((t) => applies === 'all' || applies.includes(t));
  const clocks = deadlineRules
    .filter((r) => isArticle(r.legalSource, article) || appliesToItsTypes(r.appliesTo))
    .map((r) => {
      // A clock whose source differs by type (the hard stop of Art. 45 and 46) shows the type's own.
      const own = types.map((t) => r.sourceFor?.[t]).find((source) => source !== undefined);
      const cited = own === undefined ? short(r.legalSource) : `${short(own)}, within ${short(r.legalSource)}`;
      return `${code(r.id)} (${r.kind}, ${cited})`;
    });
  const exercised = testsOf(article, types, tests);
  return [
    `### Art. ${article}: ${topic}`,
    '',
    `- Request types: ${list(types.map((t) => `${code(t)} (${requestTypes[t].allowedBases.join(', ')})`))}`,
    ...families.map((f) => `- States (${f}): ${stateMachines[f].states.map((s) => s.name).join(', ')}`),
    `- Transitions citing it: ${list(transitions)}`,
    `- Fields citing it: ${list(fields)}`,
    `- Grounds cited to it: ${list(groundsCited)}`,
    ...(types.length === 0 ? [] : ['- Grounds of its request types, by basis:', ...types.flatMap(groundsOfType)]),
    `- Clocks: ${list(clocks)}`,
    `- Tests (${exercised.length}): ${list(exercised)}`,
    '',
  ];
}

/** docs/legal-coverage.md: what is verified, and for each Chapter V article what the product does with it. */
export function legalCoverageMarkdown(tests: readonly TestFile[]): string {
  const sorted = [...tests].sort((a, b) => a.path.localeCompare(b.path));
  return [
    '# Legal coverage',
    '',
    `Generated from the rule catalogues of \`packages/core\` (rule set ${ruleSetVersion}) by ` +
      '`node --import tsx scripts/legal-coverage.ts`; `legal-coverage.test.ts` fails when this file is stale. ' +
      `Bases: ${legalBases.join(', ')}. The default bilateral grounds are ${list(defaultBilateralGrounds)} ` +
      '(config `legal.bilateralGrounds`).',
    '',
    ...verifiedSection(),
    '## Chapter V, article by article',
    '',
    'Request types rest on an article when their own citation is to it. A test file is listed when it names one of ' +
      'those types or the article ("art. 42", "Article 42", "Điều 42"): a simple mapping, not a proof of coverage.',
    '',
    ...chapterFive.flatMap(([article, topic]) => articleSection(article, topic, sorted)),
  ].join('\n');
}
