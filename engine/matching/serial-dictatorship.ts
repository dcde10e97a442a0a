/**
 * Serial dictatorship (按得分依次选岗): in the given order each applicant takes the first hospital on
 * their list that still has room and accepts them. Returns applicant → hospital for those placed.
 *
 * @example
 * serialDictatorship(['i1', 'i2'], new Map([['i1', ['o1']], ['i2', ['o1', 'o2']]]),
 *   new Map([['o1', 1], ['o2', 1]]), () => true); // Map { 'i1' => 'o1', 'i2' => 'o2' }
 */
export function serialDictatorship(
  order: readonly string[],
  prefs: ReadonlyMap<string, readonly string[]>,
  capacity: ReadonlyMap<string, number>,
  accepts: (hospital: string, applicant: string) => boolean,
): Map<string, string> {
  const left = new Map(capacity);
  const matching = new Map<string, string>();
  for (const applicant of order) {
    for (const hospital of prefs.get(applicant) ?? []) {
      const room = left.get(hospital) ?? 0;
      if (room > 0 && accepts(hospital, applicant)) {
        left.set(hospital, room - 1);
        matching.set(applicant, hospital);
        break;
      }
    }
  }
  return matching;
}
