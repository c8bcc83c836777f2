import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FieldSpec } from '../api/types.js';
import { requestTypesBody } from '../test/reference.fixtures.js';
import { renderWithApp } from '../test/render.js';
import { DetailsFields } from './DetailsFields.js';

const realtime: FieldSpec[] = requestTypesBody.requestTypes.find((t) => t.code === 'REALTIME_TRAFFIC_45')?.fields ?? [];
const period = realtime.find((f) => f.name === 'collectionPeriod');

describe('the collection period of real-time collection (UN art. 45(3)(f))', () => {
  it(
    'renders a labelled from/to pair of date-time fields in dd/mm/yyyy with ' +
      'the legal source, and reports what is typed',
    () => {
      const onChange = vi.fn();
      renderWithApp(
        <DetailsFields
          fields={realtime}
          legalBasis="UN"
          details={{ collectionPeriod: { from: '2026-11-03T00:00', to: '' } }}
          errors={{ 'details.collectionPeriod': 'period.incomplete' }}
          onChange={onChange}
        />,
      );
      const group = screen.getByRole('group', { name: `${period?.label.vi ?? '?'} *` });
      // The source in the officer's language; "unverified" is said once for the whole form, not per field.
      expect(period?.legalSource).toMatch(/^UN Convention against Cybercrime art\. 45/);
      expect(group.textContent).toContain('Công ước của Liên hợp quốc về chống tội phạm mạng Điều 45');
      expect(group.textContent).not.toContain('[unverified]');
      const from = within(group).getByLabelText<HTMLInputElement>(/^Từ/);
      const to = within(group).getByLabelText<HTMLInputElement>(/^Đến/);
      // Not the browser's native input: its order follows the browser, not the page's language.
      expect([from.type, to.type]).toEqual(['text', 'text']);
      expect(from.value).toBe('03/11/2026 00:00');
      // The end is what is missing, so the message sits on it.
      expect(to.getAttribute('aria-invalid')).toBe('true');
      expect(group.textContent).toContain('Nhập cả thời điểm bắt đầu và kết thúc');
      fireEvent.change(to, { target: { value: '03/12/2026 00:00' } });
      expect(onChange).toHaveBeenLastCalledWith({
        collectionPeriod: { from: '2026-11-03T00:00', to: '2026-12-03T00:00' },
      });
    },
  );
});
