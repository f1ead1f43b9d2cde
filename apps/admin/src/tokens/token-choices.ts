import { SerialSource, TokenStatus, TokenType } from '@app/contracts';

const choicesOf = (name: string, values: Readonly<Record<string, string>>) =>
  Object.values(values).map((value) => ({ id: value, name: `enums.${name}.${value}` }));

export const TOKEN_TYPE_CHOICES = choicesOf('TokenType', TokenType);
export const TOKEN_STATUS_CHOICES = choicesOf('TokenStatus', TokenStatus);
export const SERIAL_SOURCE_CHOICES = choicesOf('SerialSource', SerialSource);
