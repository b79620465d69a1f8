import type { SuggestionField } from './types';

const num = (rules: Record<string, unknown>, name: string): number | undefined =>
  typeof rules[name] === 'number' ? (rules[name] as number) : undefined;

/**
 * The first of the field's common rules (minimum, maximum, minLength, maxLength, pattern) that a
 * parsed value breaks, as a message; null when it keeps them. A value the ticket update would
 * refuse is no suggestion (and loses to a candidate that keeps the rules).
 */
export function ruleViolation(field: SuggestionField, value: unknown): string | null {
  const rules = field.rules ?? {};
  if (typeof value === 'number') {
    const min = num(rules, 'minimum');
    const max = num(rules, 'maximum');
    if (min !== undefined && value < min) return `below the minimum ${min}: ${value}`;
    if (max !== undefined && value > max) return `above the maximum ${max}: ${value}`;
  }
  if (typeof value === 'string') {
    const length = Array.from(value).length;
    const minLength = num(rules, 'minLength');
    const maxLength = num(rules, 'maxLength');
    if (minLength !== undefined && length < minLength) return `shorter than ${minLength} characters`;
    if (maxLength !== undefined && length > maxLength) return `longer than ${maxLength} characters`;
    if (typeof rules.pattern === 'string' && !safeTest(rules.pattern, value)) return `does not match ${rules.pattern}`;
  }
  return null;
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch (error) {
    // The ticket-type guard refuses uncompilable patterns; one that slipped through checks nothing here.
    if (error instanceof SyntaxError) return true;
    throw error;
  }
}
