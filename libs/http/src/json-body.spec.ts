import { IsString } from 'class-validator';

import { ContractViolation } from '@paxscreen/contracts';

import { ApiError } from './api-error';
import { bodyOf } from './json-body';

class ReasonBody {
  @IsString() reason!: string;
}

describe('bodyOf', () => {
  it('decodes a JSON body against its class', () => {
    expect(bodyOf(ReasonBody, Buffer.from('{"reason":"court order"}')).reason).toBe('court order');
  });

  it.each([undefined, Buffer.alloc(0), 'not bytes'])('refuses %p: 400 INVALID_BODY', (body) => {
    expect(() => bodyOf(ReasonBody, body)).toThrow(ApiError);
    expect(() => bodyOf(ReasonBody, body)).toThrow('send a JSON body');
  });

  it.each([
    ['not JSON', '{"reason":', 'payload: not valid JSON'],
    ['a wrong type', '{"reason":5}', 'reason: isString'],
    ['an escaped NUL', '{"reason":"a\\u0000"}', 'reason: must not contain NUL (U+0000)'],
  ])('refuses %s with a ContractViolation naming the field', (_, json, problem) => {
    expect(() => bodyOf(ReasonBody, Buffer.from(json))).toThrow(
      expect.objectContaining({ constructor: ContractViolation, problems: [problem] }),
    );
  });
});
