import { timelineNoteCatalogue } from '@hanoi247/core';
import { describe, expect, it } from 'vitest';
import { localTime } from '../time/format.js';
import { notesOf, renderNote, type NoteCatalogue } from './timeline-notes.js';

const catalogue = timelineNoteCatalogue() as unknown as NoteCatalogue;

describe('timeline notes in the reader\u2019s words', () => {
  it('puts a confirmation into Vietnamese and English, its dates in the reader\u2019s form', () => {
    const note = {
      code: 'order.preservation-confirmed',
      params: { order: 'SG-ORD-2026-000001', until: '2027-03-08T10:15:00.000Z', periodEnd: '2027-03-08T10:15:00.000Z' },
    };
    const vi = renderNote(note, catalogue, 'vi');
    const en = renderNote(note, catalogue, 'en');
    expect(vi).toContain('Doanh nghiệp xác nhận đã bảo toàn dữ liệu đến');
    expect(vi).toContain(localTime('2027-03-08T10:15:00.000Z', 'vi'));
    expect(en).toContain('The service provider confirms the data preserved until');
    expect(en).toContain(localTime('2027-03-08T10:15:00.000Z', 'en'));
    for (const text of [vi, en]) {
      expect(text).toContain('SG-ORD-2026-000001');
      expect(text).not.toMatch(/\{|2027-03-08T/);
    }
  });

  it('names the channel of an answer recorded by hand in the reader\u2019s language', () => {
    const note = {
      code: 'order.answer-recorded',
      params: { channel: 'letter', receivedAt: '2026-11-02T02:30:00.000Z' },
    };
    expect(renderNote(note, catalogue, 'vi')).toContain('thư');
    expect(renderNote(note, catalogue, 'en')).toContain('by letter');
  });

  it('shows an unknown code as the code, and reads both the notes list and a proposal\u2019s code', () => {
    expect(renderNote({ code: 'order.from-a-newer-partner' }, catalogue, 'en')).toBe('order.from-a-newer-partner');
    expect(renderNote({ code: 'order.served', params: { order: 'X' } }, undefined, 'en')).toBe('order.served');
    expect(
      notesOf({
        notes: [{ code: 'order.served', params: { order: 'X' } }, 'junk'],
        noteCode: 'proposal.art43-third-state',
      }),
    ).toEqual([{ code: 'order.served', params: { order: 'X' } }, { code: 'proposal.art43-third-state' }]);
  });
});
