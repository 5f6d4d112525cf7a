import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';

import { ContractViolation, decodeContract } from './index';

class Verdict {
  @IsString() reasonKey!: string;
}

class StaffBody {
  @IsString() text!: string;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Verdict) reasons?: Verdict[];
}

const problemsOf = (json: string): string[] => {
  try {
    decodeContract(StaffBody, Buffer.from(json));
    return [];
  } catch (err) {
    if (err instanceof ContractViolation) return err.problems;
    throw err;
  }
};

describe('decodeContract: an escaped NUL in a staff body', () => {
  it.each([
    ['in a field', '{"text":"seen\\u0000"}', ['text: must not contain NUL (U+0000)']],
    [
      'in a nested field',
      '{"text":"ok","reasons":[{"reasonKey":"k"},{"reasonKey":"\\u0000"}]}',
      ['reasons.1.reasonKey: must not contain NUL (U+0000)'],
    ],
    ['in a property name', '{"text":"ok","a\\u0000":1}', ['payload: must not contain NUL (U+0000)']],
    ['after an escaped backslash', '{"text":"\\\\\\u0000"}', ['text: must not contain NUL (U+0000)']],
  ])('is refused %s, naming where', (_, json, problems) => {
    expect(problemsOf(json)).toEqual(problems);
  });

  it.each([
    ['an escaped backslash then the text u0000', '{"text":"\\\\u0000"}', '\\u0000'],
    ['U+FFFD', '{"text":"\\ufffd"}', '\ufffd'],
  ])('is not seen in %s', (_, json, text) => {
    expect(decodeContract(StaffBody, json).text).toBe(text);
  });
});
