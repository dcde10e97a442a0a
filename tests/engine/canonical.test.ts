import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  allocateSerialised,
  canonicalInput,
  canonicalJson,
  decisionHash,
  sha256Hex,
  withDefaults,
} from '../../engine';
import { sha256Json } from '../../engine/canonical';
import { FIXTURE_SEED, generateCounty } from '../../fixtures/generator/county';
import { arbitraryDataset } from '../support/arbitraries';

/**
 * The hashes are defined over canonical JSON (keys sorted, no white space). For speed the engine builds
 * every object with its keys already in that order and lets the native serialiser write it; these tests
 * hold every type of the result and of the input to that promise.
 */
describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe(
      '{"a":[2,{"c":4,"d":3}],"b":1}',
    );
    expect(canonicalJson({ Z: 1, a: 2, _: 3 })).toBe('{"Z":1,"_":3,"a":2}');
  });

  it('the fixture result is already canonical, so its output hash is the hash of its canonical JSON', () => {
    const { outputHash, ...body } = allocate(generateCounty({ seed: FIXTURE_SEED, scale: 1 }));
    expect(JSON.stringify(body)).toBe(canonicalJson(body));
    expect(outputHash).toBe(sha256Hex(canonicalJson(body)));
  });

  it('every random result and input is already canonical, whatever key order the input came in', () => {
    fc.assert(
      fc.property(arbitraryDataset({ applications: true }), (d) => {
        const reordered = {
          ...d,
          staff: d.staff.map((s) => Object.fromEntries(Object.entries(s).reverse()) as typeof s),
        };
        const rules = withDefaults({ crossSchool: { mechanism: 'serial_dictatorship' } });
        const { outputHash: _, ...body } = allocate(reordered, rules);
        expect(JSON.stringify(body)).toBe(canonicalJson(body));
        expect(_).toBe(sha256Hex(canonicalJson(body)));
        const input = canonicalInput(reordered, rules);
        expect(input).toBe(canonicalJson(JSON.parse(input)));
        expect(body.inputHash).toBe(sha256Hex(input));
        expect(allocate(reordered, rules).inputHash).toBe(allocate(d, rules).inputHash);
      }),
      { numRuns: 100 },
    );
  });

  it('hashes long arrays in chunks to the same digest as the whole string', () => {
    const long = Array.from({ length: 40_000 }, (_, i) => ({
      i,
      name: `教师${i}`,
      x: i % 3 === 0 ? null : [i],
    }));
    const value = { a: long, b: { c: long.slice(0, 16_385), d: 'é' } };
    expect(sha256Json(value)).toBe(sha256Hex(JSON.stringify(value)));
  });

  it('allocateSerialised gives the same result with the very texts allocate and canonicalInput would', () => {
    fc.assert(
      fc.property(arbitraryDataset({ applications: true }), fc.boolean(), (d, serial) => {
        const rules = serial
          ? withDefaults({ crossSchool: { mechanism: 'serial_dictatorship' } })
          : undefined;
        const expected = allocate(d, rules);
        const { result, inputJson, resultJson } = allocateSerialised(d, rules);
        expect(result).toEqual(expected);
        expect(resultJson).toBe(JSON.stringify(expected));
        expect(inputJson).toBe(canonicalInput(d, expected.rules));
        expect(sha256Hex(inputJson)).toBe(result.inputHash);
      }),
      { numRuns: 100 },
    );
  });

  it('decisionHash is the SHA-256 of the canonical JSON of the decisions sorted by staffId', () => {
    fc.assert(
      fc.property(arbitraryDataset({ applications: true }), (d) => {
        const { placements } = allocate(d);
        const decisions = [...placements]
          .sort((a, b) => (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0))
          .map(({ outcome, round, schoolCode, staffId, subject }) => ({
            staffId,
            subject,
            schoolCode,
            round,
            outcome,
          }));
        expect(decisionHash(placements)).toBe(sha256Hex(canonicalJson(decisions)));
      }),
      { numRuns: 50 },
    );
  });

  it('a stored canonical input replays to the identical result', () => {
    const d = generateCounty({ seed: FIXTURE_SEED, scale: 1 });
    const first = allocate(d);
    const stored = JSON.parse(canonicalInput(d, first.rules));
    expect(allocate(stored.dataset, stored.rules).outputHash).toBe(first.outputHash);
  });
});
