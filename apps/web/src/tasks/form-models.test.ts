import { describe, expect, it } from 'vitest';
import { attachmentNames, issueBody, updateBody, type IssueForm, type UpdateForm } from './form-models';

const update: UpdateForm = {
  date: '2026-01-15',
  text: '  完成方案起草  ',
  attachments: '方案.docx\n\n  会议纪要.pdf \n方案.docx\r\n',
  status: '',
  milestoneId: '',
  milestoneDone: false,
};

describe('attachmentNames', () => {
  it('trims, drops blank lines and repeats, keeps the order', () => {
    expect(attachmentNames(update.attachments)).toEqual(['方案.docx', '会议纪要.pdf']);
    expect(attachmentNames('')).toEqual([]);
    expect(attachmentNames(Array.from({ length: 60 }, (_, i) => `f${i}`).join('\n'))).toHaveLength(50);
  });
});

describe('updateBody', () => {
  it('builds the body with trimmed text and the attachment names', () => {
    expect(updateBody(update)).toEqual({
      ok: true,
      body: { date: '2026-01-15', text: '完成方案起草', attachments: ['方案.docx', '会议纪要.pdf'] },
    });
  });

  it('sends a status change and a milestone only when chosen', () => {
    const r = updateBody({ ...update, status: 'completed', milestoneId: 'm1', milestoneDone: true });
    expect(r).toMatchObject({
      ok: true,
      body: { status: 'completed', milestoneId: 'm1', milestoneDone: true },
    });
    expect(updateBody({ ...update, status: 'bogus' })).toEqual(updateBody(update));
  });

  it('refuses an empty text or a date that does not exist', () => {
    expect(updateBody({ ...update, text: '   ' })).toEqual({ ok: false, field: 'text' });
    expect(updateBody({ ...update, date: '2026-02-30' })).toEqual({ ok: false, field: 'date' });
    expect(updateBody({ ...update, date: '' })).toEqual({ ok: false, field: 'date' });
  });
});

describe('issueBody', () => {
  const form: IssueForm = {
    title: ' 常山县任务逾期 ',
    requirement: '请于月底前报送整改方案',
    unit: '330822',
    department: '',
    dueDate: '2026-02-28',
  };

  it('builds the order, narrowing to a department only when one is given', () => {
    expect(issueBody(form)).toEqual({
      ok: true,
      body: {
        title: '常山县任务逾期',
        requirement: '请于月底前报送整改方案',
        addressee: { unit: '330822' },
        dueDate: '2026-02-28',
      },
    });
    expect(issueBody({ ...form, department: ' fgw ' })).toMatchObject({
      ok: true,
      body: { addressee: { unit: '330822', department: 'fgw' } },
    });
  });

  it('refuses an order without matter, requirement, addressee or deadline', () => {
    expect(issueBody({ ...form, title: ' ' })).toEqual({ ok: false, field: 'title' });
    expect(issueBody({ ...form, requirement: '' })).toEqual({ ok: false, field: 'requirement' });
    expect(issueBody({ ...form, unit: '' })).toEqual({ ok: false, field: 'unit' });
    expect(issueBody({ ...form, unit: '33x' })).toEqual({ ok: false, field: 'unit' });
    expect(issueBody({ ...form, dueDate: '' })).toEqual({ ok: false, field: 'dueDate' });
  });
});
