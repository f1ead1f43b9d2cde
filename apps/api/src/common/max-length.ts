import { MaxLength as ValidatorMaxLength } from 'class-validator';

/** MaxLength that tells the client the limit, for the FIELD_TOO_LONG message. */
export const MaxLen = (max: number) => ValidatorMaxLength(max, { context: { code: 'FIELD_TOO_LONG', max } });
