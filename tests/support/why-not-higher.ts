import { application, dataset, post, school, staff } from './builders';

/**
 * T, of a merging school, writes 志愿 X, Y, Z (one 语文 post each) and is placed by the 3rd:
 * X took A, ahead of T on score (85 > 80); Y took B, tied with T on 80 and ahead on title (高级 > 一级).
 * With `ownScores`, X ranks by its applications score instead (A 90, T 70).
 */
export function thirdChoiceCounty(ownScores = false) {
  return dataset({
    schools: [school('OLD', { status: 'merging' }), school('X'), school('Y'), school('Z')],
    posts: [post('X', '语文', 1), post('Y', '语文', 1), post('Z', '语文', 1)],
    staff: [
      staff('T', { schoolCode: 'OLD', score: 80, title: 'first', choices: ['X', 'Y', 'Z'] }),
      staff('A', { schoolCode: 'OLD', score: 85, choices: ['X'] }),
      staff('B', { schoolCode: 'OLD', score: 80, title: 'senior', choices: ['Y'] }),
    ],
    applications: ownScores ? [application('T', 'X', 70), application('A', 'X', 90)] : [],
  });
}
