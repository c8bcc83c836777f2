import type { Bilingual } from '../requests/types/field-spec.js';
import type { LifecycleMachine } from './machine.js';

/**
 * Events a node records that are no action of a machine: the record's creation and edits, the
 * federation's messages, the clocks' alarms, what a domestic order did for a request.
 */
const recordedEvents: Readonly<Record<string, Bilingual>> = {
  draft: { en: 'Draft created', vi: 'Tạo dự thảo' },
  create: { en: 'Drafted', vi: 'Đã soạn' },
  receive: { en: 'Received from the partner', vi: 'Nhận từ đối tác' },
  edit: { en: 'Draft edited', vi: 'Sửa dự thảo' },
  assign: { en: 'Assigned', vi: 'Đã phân công' },
  unassign: { en: 'Unassigned', vi: 'Bỏ phân công' },
  'propose-request': { en: 'Request proposed', vi: 'Đề xuất yêu cầu' },
  'order-drafted': { en: 'Domestic order drafted', vi: 'Đã soạn lệnh trong nước' },
  'message-queued': { en: 'Message queued for the partner', vi: 'Thông điệp chờ gửi cho đối tác' },
  'message-delivered': { en: 'Message delivered (receipt signed)', vi: 'Đã chuyển thông điệp (có biên nhận ký số)' },
  'delivery-failed': { en: 'Delivery failed', vi: 'Chuyển thông điệp thất bại' },
  'message-not-applied': {
    en: 'A message from the partner could not be applied',
    vi: 'Không áp dụng được một thông điệp của đối tác',
  },
  'evidence-ingested': { en: 'Evidence ingested', vi: 'Đã tiếp nhận chứng cứ' },
  'evidence-offered': {
    en: 'Production offered to the requesting State',
    vi: 'Đã đề nghị chuyển dữ liệu cho Quốc gia yêu cầu',
  },
  'evidence-offer-failed': {
    en: 'The production could not be offered to the requesting State',
    vi: 'Không thể đề nghị chuyển dữ liệu cho Quốc gia yêu cầu',
  },
  'deadline-warning': { en: 'A deadline is near', vi: 'Sắp đến hạn' },
  'deadline-breach': { en: 'A deadline was missed', vi: 'Đã quá hạn' },
  'deadline-expiry': { en: 'A period ended', vi: 'Hết thời hạn' },
  'deadline-hard-stop': { en: 'The authorised period ended', vi: 'Hết thời hạn được phép' },
  'deadline-renewal': { en: 'Preservation renewed by the clock', vi: 'Tự động gia hạn bảo toàn' },
};

/** Said of an event no one foresaw here (a newer node's): words, never its code. */
const otherEvent: Bilingual = { en: 'Recorded event', vi: 'Sự kiện đã ghi nhận' };

/**
 * The words of a timeline event, in both languages: the machine's label of the action (from the
 * event's state when the action exists from several), whichever side took it, mirrored or not;
 * else the label of an event the node records itself.
 */
export function timelineLabel(machine: LifecycleMachine, action: string, fromState: string | null): Bilingual {
  const candidates = machine.transitions.filter((t) => t.action === action);
  const exact = fromState === null ? undefined : candidates.find((t) => t.from.includes(fromState));
  return (exact ?? candidates[0])?.label ?? recordedEvents[action] ?? otherEvent;
}
