import { officialTexts, type VerifiedLegalSource } from './legal-source.js';

const verifiedBy = 'hanoi247 maintainers (legal-data review)';
const verifiedOn = '2026-12-07';

/**
 * A Budapest Convention citation read word for word in the authentic English text (ETS No. 185,
 * as published in Tractatenblad 2004, 18). `treatyParagraph` is the paragraph as the treaty numbers
 * it; `quote` the words read there.
 */
function checked(
  article: string,
  paragraph: string | undefined,
  treatyParagraph: string,
  quote: string,
): VerifiedLegalSource {
  return {
    instrument: 'BUDAPEST',
    article,
    ...(paragraph === undefined ? {} : { paragraph }),
    verification: {
      officialText: officialTexts.BUDAPEST ?? '',
      paragraph: treatyParagraph,
      quote,
      verifiedBy,
      verifiedOn,
    },
  };
}

const politicalOffence =
  'the request concerns an offence which the requested Party considers a political ' +
  'offence or an offence connected with a political offence';
const essentialInterests =
  'execution of the request is likely to prejudice its sovereignty, security, ' +
  'ordre public or other essential interests';

/** Every Budapest Convention citation the product makes; each one checked against the treaty text. */
export const budapestCite = {
  extradition: {
    scope: checked(
      '24',
      '1(a)',
      'Article 24, paragraph 1, sub-paragraph a',
      'punishable under the laws of both Parties concerned by deprivation of liberty ' +
        'for a maximum period of at least one year, or by a more severe penalty',
    ),
    requestedStateLaw: checked(
      '24',
      '5',
      'Article 24, paragraph 5',
      'Extradition shall be subject to the conditions provided for by the law ' +
        'of the requested Party or by applicable extradition treaties, including ' +
        'the grounds on which the requested Party may refuse extradition.',
    ),
    autDedere: checked(
      '24',
      '6',
      'Article 24, paragraph 6',
      'is refused solely on the basis of the nationality of the person sought, ' +
        'or because the requested Party deems that it has jurisdiction over the ' +
        'offence, the requested Party shall submit the case at the request of the ' +
        'requesting Party to its competent authorities for the purpose of prosecution',
    ),
    provisionalArrest: checked(
      '24',
      '7(a)',
      'Article 24, paragraph 7, sub-paragraph a',
      'each authority responsible for making or receiving requests for extradition ' +
        'or provisional arrest in the absence of a treaty',
    ),
  },
  mla: {
    widestMeasure: checked(
      '25',
      '1',
      'Article 25, paragraph 1',
      'The Parties shall afford one another mutual assistance to the widest extent possible',
    ),
    requestedStateLaw: checked(
      '25',
      '4',
      'Article 25, paragraph 4',
      'mutual assistance shall be subject to the conditions provided for by the ' +
        'law of the requested Party or by applicable mutual assistance treaties, ' +
        'including the grounds on which the requested Party may refuse co-operation',
    ),
    fiscalOffence: checked(
      '25',
      '4',
      'Article 25, paragraph 4',
      'The requested Party shall not exercise the right to refuse mutual assistance ' +
        'in relation to the offences referred to in Articles 2 through 11 solely ' +
        'on the ground that the request concerns an offence which it considers a fiscal offence.',
    ),
    dualCriminality: checked(
      '25',
      '5',
      'Article 25, paragraph 5',
      'Where, in accordance with the provisions of this chapter, the requested ' +
        'Party is permitted to make mutual assistance conditional upon the existence ' +
        'of dual criminality, that condition shall be deemed fulfilled',
    ),
    spontaneousInformation: checked(
      '26',
      '1',
      'Article 26, paragraph 1',
      'A Party may, within the limits of its domestic law and without prior request, ' +
        'forward to another Party information obtained within the framework of its ' +
        'own investigations',
    ),
    politicalOffence: checked('27', '4(a)', 'Article 27, paragraph 4, sub-paragraph a', politicalOffence),
    essentialInterests: checked(
      '27',
      '4(b)',
      'Article 27, paragraph 4, sub-paragraph b',
      `it considers that ${essentialInterests}`,
    ),
    postponement: checked(
      '27',
      '5',
      'Article 27, paragraph 5',
      'The requested Party may postpone action on a request if such action would ' +
        'prejudice criminal investigations or proceedings conducted by its authorities.',
    ),
    consultation: checked(
      '27',
      '6',
      'Article 27, paragraph 6',
      'Before refusing or postponing assistance, the requested Party shall, where ' +
        'appropriate after having consulted with the requesting Party, consider ' +
        'whether the request may be granted partially or subject to such conditions ' +
        'as it deems necessary.',
    ),
    reasons: checked(
      '27',
      '7',
      'Article 27, paragraph 7',
      'Reasons shall be given for any refusal or postponement of the request.',
    ),
    confidentiality: checked(
      '27',
      '8',
      'Article 27, paragraph 8',
      'The requesting Party may request that the requested Party keep confidential ' +
        'the fact of any request made under this chapter as well as its subject, ' +
        'except to the extent necessary for its execution.',
    ),
  },
  preservation: {
    request: checked(
      '29',
      '1',
      'Article 29, paragraph 1',
      'A Party may request another Party to order or otherwise obtain the expeditious ' +
        'preservation of data stored by means of a computer system',
    ),
    contents: {
      seekingAuthority: checked(
        '29',
        '2(a)',
        'Article 29, paragraph 2, sub-paragraph a',
        'the authority seeking the preservation',
      ),
      offence: checked(
        '29',
        '2(b)',
        'Article 29, paragraph 2, sub-paragraph b',
        'the offence that is the subject of a criminal investigation or proceedings ' +
          'and a brief summary of the related facts',
      ),
      data: checked(
        '29',
        '2(c)',
        'Article 29, paragraph 2, sub-paragraph c',
        'the stored computer data to be preserved and its relationship to the offence',
      ),
      custodian: checked(
        '29',
        '2(d)',
        'Article 29, paragraph 2, sub-paragraph d',
        'any available information identifying the custodian of the stored computer ' +
          'data or the location of the computer system',
      ),
      necessity: checked('29', '2(e)', 'Article 29, paragraph 2, sub-paragraph e', 'the necessity of the preservation'),
      followUp: checked(
        '29',
        '2(f)',
        'Article 29, paragraph 2, sub-paragraph f',
        'that the Party intends to submit a request for mutual assistance for the ' +
          'search or similar access, seizure or similar securing, or disclosure of ' +
          'the stored computer data',
      ),
    },
    execution: checked(
      '29',
      '3',
      'Article 29, paragraph 3',
      'For the purposes of responding to a request, dual criminality shall not ' +
        'be required as a condition to providing such preservation.',
    ),
    dualCriminalityReservation: checked(
      '29',
      '4',
      'Article 29, paragraph 4',
      'reserve the right to refuse the request for preservation under this article ' +
        'in cases where it has reasons to believe that at the time of disclosure ' +
        'the condition of dual criminality cannot be fulfilled',
    ),
    politicalOffence: checked('29', '5(a)', 'Article 29, paragraph 5, sub-paragraph a', politicalOffence),
    essentialInterests: checked(
      '29',
      '5(b)',
      'Article 29, paragraph 5, sub-paragraph b',
      `the requested Party considers that ${essentialInterests}`,
    ),
    warning: checked(
      '29',
      '6',
      'Article 29, paragraph 6',
      'Where the requested Party believes that preservation will not ensure the future availability of the data',
    ),
    period: checked(
      '29',
      '7',
      'Article 29, paragraph 7',
      'Any preservation effected in response to the request referred to in paragraph ' +
        '1 shall be for a period not less than sixty days',
    ),
  },
  trafficPath: {
    disclosure: checked(
      '30',
      '1',
      'Article 30, paragraph 1',
      'the requested Party shall expeditiously disclose to the requesting Party ' +
        'a sufficient amount of traffic data to identify that service provider and ' +
        'the path through which the communication was transmitted',
    ),
    politicalOffence: checked('30', '2(a)', 'Article 30, paragraph 2, sub-paragraph a', politicalOffence),
    essentialInterests: checked(
      '30',
      '2(b)',
      'Article 30, paragraph 2, sub-paragraph b',
      `the requested Party considers that ${essentialInterests}`,
    ),
  },
  storedData: {
    request: checked(
      '31',
      '1',
      'Article 31, paragraph 1',
      'A Party may request another Party to search or similarly access, seize ' +
        'or similarly secure, and disclose data stored by means of a computer system ' +
        'located within the territory of the requested Party',
    ),
    expedited: checked(
      '31',
      '3(a)',
      'Article 31, paragraph 3, sub-paragraph a',
      'there are grounds to believe that relevant data is particularly vulnerable to loss or modification',
    ),
  },
  realtimeTraffic: checked(
    '33',
    '1',
    'Article 33, paragraph 1',
    'The Parties shall provide mutual assistance to each other in the real-time ' +
      'collection of traffic data associated with specified communications in ' +
      'their territory transmitted by means of a computer system.',
  ),
  interception: checked(
    '34',
    undefined,
    'Article 34',
    'The Parties shall provide mutual assistance to each other in the real-time ' +
      'collection or recording of content data of specified communications transmitted ' +
      'by means of a computer system to the extent permitted under their applicable ' +
      'treaties and domestic laws.',
  ),
} as const;
