import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, Matches } from 'class-validator';
import { MaxLen } from '../max-length';

/** Trims text; blank becomes null, so that clearing a field erases it. */
export const blankToNull = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value,
);

/** Optional e-mail address (≤ 254 characters, RFC 5321), EMAIL_INVALID when malformed. */
export const OptionalEmail = () =>
  applyDecorators(
    Field(() => String, { nullable: true }),
    blankToNull,
    IsOptional(),
    MaxLen(254),
    IsEmail({}, { context: { code: 'EMAIL_INVALID' } }),
  );

/** Optional phone number: digits and + ( ) # - space, 6–20 characters; PHONE_INVALID otherwise. */
export const OptionalPhone = () =>
  applyDecorators(
    Field(() => String, { nullable: true }),
    blankToNull,
    IsOptional(),
    MaxLen(20),
    Matches(/^[0-9+()# -]{6,20}$/, { context: { code: 'PHONE_INVALID' } }),
  );
