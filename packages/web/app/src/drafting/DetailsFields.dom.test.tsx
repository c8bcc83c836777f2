import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../api/types.js';
import { requestTypesBody } from '../test/reference.fixtures.js';
import { renderWithApp } from '../test/render.js';
import { DetailsFields } from './DetailsFields.js';

const preservation: FieldSpec[] = requestTypesBody.requestTypes.find((t) => t.code === 'PRESERVATION_42')?.fields ?? [];

describe('the legal sources of the drafting form', () => {
  it('cites each field in Vietnamese and says "unverified" once for the form, not after every source', () => {
    // The catalogue marks its unverified UN citations, field by field.
    expect(preservation.filter((f) => f.legalSource.endsWith('[unverified]')).length).toBeGreaterThan(3);
    const { container } = renderWithApp(
      <DetailsFields fields={preservation} legalBasis="UN" details={{}} errors={{}} onChange={() => undefined} />,
    );
    expect(container.textContent).not.toContain('[unverified]');
    expect(screen.getAllByText('chưa kiểm chứng')).toHaveLength(1);
    expect(container.textContent).toContain(
      'Căn cứ pháp lý: Công ước của Liên hợp quốc về chống tội phạm mạng Điều 42',
    );
  });
});
