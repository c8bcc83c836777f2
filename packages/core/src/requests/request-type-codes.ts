/** Every Chapter V request type the node handles (brief §3.1 Request subtypes). */
export const requestTypeCodes = [
  'PRESERVATION_42',
  'TRAFFIC_PATH_43',
  'MLA_40',
  'STORED_DATA_44',
  'REALTIME_TRAFFIC_45',
  'INTERCEPTION_46',
  'LE_INFO_47',
  'SPONTANEOUS_40_51',
  'JIT_48',
  'FREEZE_CONFISCATE_50',
  'RETURN_52',
  'EXTRADITION_37',
  'PROVISIONAL_ARREST_37',
  'OTHER_ASSISTANCE',
] as const;
export type RequestTypeCode = (typeof requestTypeCodes)[number];

export function isRequestTypeCode(value: string): value is RequestTypeCode {
  return (requestTypeCodes as readonly string[]).includes(value);
}
