/** Character codes of '0' and '9'. */
export const DIGIT_0 = 48;
export const DIGIT_9 = 57;

/** Whether `s` [from, to) is all ASCII digits (true for an empty range). */
export function digitsAt(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) return false;
  }
  return true;
}

/** Whether `s` is one or more ASCII digits (`/^\d+$/` without a regex). */
export function isDigits(s: string): boolean {
  return s.length > 0 && digitsAt(s, 0, s.length);
}
