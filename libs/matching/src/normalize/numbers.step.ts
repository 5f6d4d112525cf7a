/**
 * Digits inside words and numbers written as words. Look-alike digits inside a word are letters typed
 * by mistake or on purpose (Ig0r Sech1n → igor sechin). In organisation names, number words, ordinals and
 * Roman numerals become digits (Brigade Forty-Four → brigade 44, 1st → 1, Trust II → trust 2).
 */
const LOOKALIKE_DIGITS: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'b',
  '7': 't',
  '8': 'b',
  '9': 'g',
};
const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINAL_DIGITS = /^(\d+)(st|nd|rd|th)$/;
const HAS_LETTER = /[a-z]/;
const HAS_DIGIT = /\d/;
const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };

function romanValue(token: string): number | undefined {
  if (token.length === 0 || !ROMAN.test(token)) return undefined;
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const v = ROMAN_VALUES[token[i]];
    const next = ROMAN_VALUES[token[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Replaces look-alike digits in mixed tokens and strips ordinal suffixes (person and organisation names). */
export function fixDigits(tokens: string[]): string[] {
  return tokens.map((t) => {
    const ordinal = ORDINAL_DIGITS.exec(t);
    if (ordinal) return ordinal[1];
    if (!HAS_LETTER.test(t) || !HAS_DIGIT.test(t)) return t;
    return t.replace(/\d/g, (d) => LOOKALIKE_DIGITS[d] ?? d);
  });
}

/** Turns number words and Roman numerals into digits (organisation names only). */
export function numberWords(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const tens = TENS[t];
    if (tens !== undefined) {
      const next = tokens[i + 1];
      const unit =
        next === undefined ? undefined : (UNITS[next] ?? (/^\d$/.test(next) ? Number(next) : undefined));
      if (unit !== undefined && unit < 10) {
        out.push(String(tens + unit));
        i++;
      } else out.push(String(tens));
      continue;
    }
    if (UNITS[t] !== undefined) {
      out.push(String(UNITS[t]));
      continue;
    }
    // Only multi-letter numerals and trailing single ones count: a lone "i" or "v" mid-name is a word.
    const roman = romanValue(t);
    if (roman !== undefined && (t.length > 1 || i === tokens.length - 1 || i > 0)) out.push(String(roman));
    else out.push(t);
  }
  return out;
}
