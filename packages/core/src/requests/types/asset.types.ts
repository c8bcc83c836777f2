import { z } from 'zod';
import { citeLegalSource } from '../legal-source.js';
import { unCite } from '../un-numbering.js';
import { basisFields, field, narrative, optional, shortText, type RequestTypeDefinition } from './field-spec.js';
import { mlaContentFields } from './mla-fields.js';

const assetResponses = [
  'ACK',
  'INFO_REQUEST',
  'CONSULTATION',
  'ACCEPT',
  'ACCEPT_WITH_CONDITIONS',
  'POSTPONE',
  'REFUSE',
  'EXECUTED',
] as const;
const valueField = field(
  'estimatedValue',
  { en: 'Estimated value', vi: 'Giá trị ước tính' },
  z.strictObject({
    amount: z.number().nonnegative(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  }),
  unCite.assets.contentsForDomesticOrder,
  optional,
);

export const freezeConfiscateType: RequestTypeDefinition = {
  code: 'FREEZE_CONFISCATE_50',
  title: {
    en: 'Freezing, seizure or confiscation of proceeds of crime',
    vi: 'Phong tỏa, kê biên, tịch thu tài sản do phạm tội mà có',
  },
  legalSource: unCite.assets.requests,
  family: 'asset',
  fields: [
    ...mlaContentFields(),
    field(
      'measure',
      { en: 'Measure requested', vi: 'Biện pháp đề nghị' },
      z.enum(['freeze', 'seize', 'confiscate-domestic-order', 'enforce-foreign-order']),
      unCite.assets.requests,
    ),
    field(
      'propertyDescription',
      { en: 'Property concerned, including virtual assets', vi: 'Tài sản liên quan, kể cả tài sản ảo' },
      narrative(5000),
      unCite.assets.contentsForDomesticOrder,
    ),
    field(
      'propertyLocation',
      { en: 'Location of the property or custodian', vi: 'Vị trí tài sản hoặc nơi lưu giữ' },
      narrative(2000),
      unCite.assets.contentsForDomesticOrder,
    ),
    valueField,
    field(
      'orderReference',
      { en: 'Order to be enforced (admissible copy)', vi: 'Quyết định cần thi hành' },
      shortText(),
      unCite.assets.contentsForForeignOrder,
      optional,
    ),
    field(
      'orderIsFinal',
      { en: 'The order is final', vi: 'Quyết định đã có hiệu lực' },
      z.boolean(),
      unCite.assets.contentsForForeignOrder,
      optional,
    ),
    field(
      'thirdPartyNotice',
      { en: 'Measures taken to notify bona fide third parties', vi: 'Biện pháp thông báo bên thứ ba ngay tình' },
      narrative(3000),
      unCite.assets.contentsForForeignOrder,
      optional,
    ),
    ...basisFields(),
  ],
  allowedBases: ['UN', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: assetResponses,
  // Enforcing a foreign order needs the order, its finality and notice to third parties (Art. 50(3)(b)).
  check: (details) => {
    if (details['measure'] !== 'enforce-foreign-order') return [];
    const cite = `(${citeLegalSource(unCite.assets.contentsForForeignOrder)})`;
    const issues = [];
    if (details['orderReference'] === undefined) {
      issues.push({ path: '/details/orderReference', message: `is required to enforce a foreign order ${cite}` });
    }
    if (details['orderIsFinal'] !== true) {
      issues.push({ path: '/details/orderIsFinal', message: `the order must be stated to be final ${cite}` });
    }
    if (details['thirdPartyNotice'] === undefined) {
      issues.push({ path: '/details/thirdPartyNotice', message: `is required to enforce a foreign order ${cite}` });
    }
    return issues;
  },
};

export const returnOfProceedsType: RequestTypeDefinition = {
  code: 'RETURN_52',
  title: { en: 'Return or disposal of confiscated property', vi: 'Hoàn trả tài sản' },
  legalSource: unCite.assets.returnArticle,
  family: 'asset',
  fields: [
    ...mlaContentFields(),
    field(
      'propertyDescription',
      { en: 'Confiscated property', vi: 'Tài sản đã bị tịch thu' },
      narrative(5000),
      unCite.assets.disposal,
    ),
    field(
      'confiscationOrderReference',
      { en: 'Confiscation order', vi: 'Quyết định tịch thu' },
      shortText(),
      unCite.assets.disposal,
    ),
    field(
      'returnPurpose',
      { en: 'Purpose of the return', vi: 'Mục đích hoàn trả' },
      z.enum(['compensate-victims', 'restore-legitimate-owner', 'other']),
      unCite.assets.returnToOwners,
    ),
    field(
      'claimants',
      { en: 'Victims or legitimate owners', vi: 'Bị hại hoặc chủ sở hữu hợp pháp' },
      narrative(3000),
      unCite.assets.returnToOwners,
      optional,
    ),
    valueField,
    ...basisFields(),
  ],
  allowedBases: ['UN', 'BILATERAL', 'RECIPROCITY'],
  responseKinds: assetResponses,
};
