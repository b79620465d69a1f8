import { ruleViolation } from './rule-check';

const field = (type: string, rules: Record<string, unknown>) => ({ key: 'f', type, label: { en: 'F' }, rules });

describe('ruleViolation', () => {
  it('checks number ranges', () => {
    expect(ruleViolation(field('integer', { minimum: 0, maximum: 1007 }), 1008)).toMatch(/maximum 1007/);
    expect(ruleViolation(field('number', { minimum: -90 }), -91)).toMatch(/minimum -90/);
    expect(ruleViolation(field('integer', { minimum: 0, maximum: 1007 }), 1007)).toBeNull();
  });

  it('checks string lengths and patterns', () => {
    expect(ruleViolation(field('string', { maxLength: 3 }), '基站名称')).toMatch(/longer than 3/);
    expect(ruleViolation(field('string', { minLength: 2 }), 'a')).toMatch(/shorter than 2/);
    expect(ruleViolation(field('string', { pattern: '^GD-' }), 'XX')).toMatch(/does not match/);
    expect(ruleViolation(field('string', { pattern: '(' }), 'XX')).toBeNull();
  });

  it('passes values of other kinds and fields without rules', () => {
    expect(ruleViolation({ key: 'f', type: 'boolean', label: { en: 'F' } }, true)).toBeNull();
    expect(ruleViolation(field('multi-enum', { maxLength: 1 }), ['a', 'b'])).toBeNull();
  });
});
