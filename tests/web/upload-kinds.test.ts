import { describe, expect, it } from 'vitest';
import { guessKind, kindLabel } from '../../web/src/pages/upload-kinds';

describe('the upload field a dropped file goes to', () => {
  it.each([
    ['staff.csv', 'staff'],
    ['staff.xlsx', 'staff'],
    ['教职工.xls', 'staff'],
    ['2020年岗位设置.xlsx', 'posts'],
    ['Schools.CSV', 'schools'],
    ['乡镇距离.csv', 'townships'],
    ['择优申请.xlsx', 'applications'],
    ['rules.json', 'rules'],
    // An Excel file named for no file is the whole dataset, its sheets named 学校/岗位/教职工/…
    ['县管校聘2020.xlsx', 'workbook'],
    ['数据.xls', 'workbook'],
    // A CSV named for nothing is left for the clerk to choose.
    ['数据.csv', null],
  ])('%s → %s', (name, kind) => {
    expect(guessKind(name)).toBe(kind);
  });

  it('names the kinds in Chinese, unknown ones as they are', () => {
    expect(kindLabel('staff')).toBe('教职工');
    expect(kindLabel('workbook')).toBe('整本工作簿');
    expect(kindLabel('other')).toBe('other');
  });
});
