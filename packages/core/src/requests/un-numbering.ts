import { un } from './legal-source.js';

/*
 * The UN Convention's paragraph numbers, in one place: every citation of the Convention in the
 * product comes from here, so a correction is one edit. All of them are UNVERIFIED.
 *
 * This is a model of the final text's structure, pending the official text (A/RES/79/243, annex),
 * which has not been read. The model follows the treaties the negotiators copied, and keeps one
 * numbering everywhere:
 * - Art. 40 follows UNTOC art. 18 with one paragraph inserted after the refusal grounds: (1)-(21) as
 *   UNTOC 18(1)-(21), so (15)(a)-(f) are the contents and (21)(a)-(d) the refusal grounds; (22) the
 *   inserted non-discrimination ground; then UNTOC 18(22)-(30) one place later: (23) fiscal matters,
 *   (24) reasons, (25) execution as soon as possible with deadlines sought, status inquiries and
 *   prompt notice that assistance is no longer needed (so "deadline sought" and withdrawal cite the
 *   same paragraph), (26) postponement, (27) consultation, (28) safe conduct, (29) costs,
 *   (30) government records, (31) further agreements.
 * - Art. 42 mirrors Budapest art. 29 with an added contents item (g): (1) mechanism, (2)(a)-(g)
 *   contents, (3) execution without dual criminality, (4) dual-criminality reservation, (5) refusal
 *   grounds, (6) warning, (7) at least 60 days. Art. 43 mirrors Budapest art. 30.
 * - Art. 37 mirrors UNCAC art. 44, which allows extradition without dual criminality as Art. 37 does:
 *   (1) scope, (2) without dual criminality, (8) conditions and grounds of the requested State's law,
 *   (10) provisional arrest, (11) aut dedere aut judicare, (15) non-discrimination, (16) fiscal
 *   matters, (17) consultation before refusal.
 * - Arts 45 and 46: (1) assistance, (2) at least where available domestically, (3)(a)-(f) contents,
 *   with the collection period and its justification in (f). The end of an authorised period comes
 *   from the domestic authorisation (art. 29 or 30) and the duration limits of art. 24, not from 45/46.
 * - Art. 50 mirrors UNCAC art. 55: (1) confiscation requests, (2) freezing and seizure requests,
 *   (3)(a)-(c) contents, (7) refusal for want of timely evidence or de minimis value, (8) hearing
 *   before a provisional measure is lifted, (9) bona fide third parties.
 */
export const unCite = {
  definitions: { article: un(2), seriousCrime: un(2, 'h') },
  scope: { cooperationPurposes: un(35) },
  offences: {
    illegalAccess: un(7),
    illegalInterception: un(8),
    dataInterference: un(9),
    systemInterference: un(10),
    misuseOfDevices: un(11),
    forgery: un(12),
    theftOrFraud: un(13),
    childSexualAbuseMaterial: un(14),
    grooming: un(15),
    intimateImages: un(16),
    laundering: un(17),
  },
  powers: {
    safeguards: un(24),
    preservationOrder: un(25),
    preservationPeriod: un(25, '2'),
    partialTrafficDisclosure: un(26),
    production: un(27),
    productionOrder: un(27, '(a)'),
    subscriberInformationOrder: un(27, '(b)'),
    realtimeTrafficCollection: un(29),
    interception: un(30),
  },
  dataProtection: { transfer: un(36, '1'), conditions: un(36, '1(b)'), onwardTransfer: un(36, '3') },
  extradition: {
    article: un(37),
    scope: un(37, '1'),
    withoutDualCriminality: un(37, '2'),
    requestedStateLaw: un(37, '8'),
    provisionalArrest: un(37, '10'),
    autDedere: un(37, '11'),
    nonDiscrimination: un(37, '15'),
    fiscalMatters: un(37, '16'),
    consultation: un(37, '17'),
  },
  mla: {
    article: un(40),
    purposes: un(40, '3'),
    otherAssistance: un(40, '3(m)'),
    spontaneousInformation: un(40, '4'),
    spontaneousConditions: un(40, '5'),
    treaties: un(40, '6'),
    bankSecrecy: un(40, '8'),
    dualCriminality: un(40, '9'),
    formAndLanguage: un(40, '14'),
    contents: {
      requestingAuthority: un(40, '15(a)'),
      subjectMatter: un(40, '15(b)'),
      facts: un(40, '15(c)'),
      assistanceSought: un(40, '15(d)'),
      persons: un(40, '15(e)'),
      purpose: un(40, '15(f)'),
    },
    useLimitation: un(40, '19'),
    confidentiality: un(40, '20'),
    refusalGrounds: {
      nonConforming: un(40, '21(a)'),
      essentialInterests: un(40, '21(b)'),
      domesticLawProhibits: un(40, '21(c)'),
      contraryLegalSystem: un(40, '21(d)'),
    },
    nonDiscrimination: un(40, '22'),
    fiscalMatters: un(40, '23'),
    reasonsForRefusal: un(40, '24'),
    /** Execution as soon as possible, deadlines sought, status inquiries, notice of withdrawal. */
    execution: un(40, '25'),
    postponement: un(40, '26'),
    consultation: un(40, '27'),
    costs: un(40, '29'),
  },
  network: { pointOfContact: un(41, '1') },
  preservation: {
    article: un(42),
    contents: {
      seekingAuthority: un(42, '2(a)'),
      offence: un(42, '2(b)'),
      data: un(42, '2(c)'),
      custodian: un(42, '2(d)'),
      necessity: un(42, '2(e)'),
      followUp: un(42, '2(f)'),
      confidentiality: un(42, '2(g)'),
    },
    execution: un(42, '3'),
    dualCriminalityReservation: un(42, '4'),
    refusalGrounds: un(42, '5'),
    warning: un(42, '6'),
    period: un(42, '7'),
  },
  trafficPath: { article: un(43), disclosure: un(43, '1'), withholding: un(43, '2') },
  storedData: { article: un(44), request: un(44, '1'), expedited: un(44, '3') },
  realtimeTraffic: realtime(45),
  interception: realtime(46),
  lawEnforcement: { article: un(47), cooperation: un(47, '1'), inquiries: un(47, '1(b)') },
  jointInvestigations: { article: un(48) },
  assets: {
    domesticEnablers: un(49),
    requests: un(50),
    confiscationRequest: un(50, '1'),
    freezingRequest: un(50, '2'),
    contentsForDomesticOrder: un(50, '3(a)'),
    contentsForForeignOrder: un(50, '3(b)'),
    contentsForFreezing: un(50, '3(c)'),
    refusalOrLifting: un(50, '7'),
    hearingBeforeLifting: un(50, '8'),
    spontaneousInformation: un(51),
    returnArticle: un(52),
    disposal: un(52, '1'),
    returnToOwners: un(52, '2'),
    expenses: un(52, '4'),
  },
} as const;

/** Arts 45 and 46 share their structure: traffic data in one, content data in the other. */
function realtime(article: 45 | 46) {
  return {
    article: un(article),
    assistance: un(article, '1'),
    contents: {
      requestingAuthority: un(article, '3(a)'),
      facts: un(article, '3(b)'),
      communications: un(article, '3(c)'),
      ownerOrLocation: un(article, '3(d)'),
      justification: un(article, '3(e)'),
      period: un(article, '3(f)'),
    },
  };
}
