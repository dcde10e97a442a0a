import { describe, expect, it } from 'vitest';
import { Bad, parseCount, parseDate, parseDecimal } from './fields';

describe('parseDate', () => {
  it.each([
    ['1975-03-08', '1975-03-08'],
    ['1975/03/08', '1975-03-08'],
    ['1975.03.08', '1975-03-08'],
    ['1975/3/8', '1975-03-08'],
    ['1975年3月8日', '1975-03-08'],
    ['１９７５－０３－０８', '1975-03-08'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %s as %s', (raw, iso) => {
    expect(parseDate(raw)).toEqual(iso);
  });

  it.each(['1900-02-29', '2019-02-29', '1975-04-31', '1975-00-10', '1975/03-08', '08/03/1975', '19750308'])(
    'rejects %s',
    (raw) => {
      expect(parseDate(raw)).toBeInstanceOf(Bad);
    },
  );
});

describe('numbers', () => {
  it('reads whole numbers, full-width digits included', () => {
    expect(parseCount('12')).toEqual(12);
    expect(parseCount('１２')).toEqual(12);
    expect(parseCount('1.5')).toBeInstanceOf(Bad);
    expect(parseCount('1e3')).toBeInstanceOf(Bad);
  });

  it('reads scores with at most two significant decimals', () => {
    const score = { min: 0, max: 100, maxDecimals: 2, what: 'a score' };
    expect(parseDecimal('88.50', score)).toEqual(88.5);
    expect(parseDecimal('88.500', score)).toEqual(88.5);
    expect(parseDecimal('100', score)).toEqual(100);
    expect(parseDecimal('-0', score)).toEqual(0);
    expect(parseDecimal('88.505', score)).toBeInstanceOf(Bad);
    expect(parseDecimal('1,000', score)).toBeInstanceOf(Bad);
    expect(parseDecimal('NaN', score)).toBeInstanceOf(Bad);
  });
});
